"""The cues of a claim in a French article, read as the French press writes them.

- years: "publiés dans la revue X en 2022", "une étude de 2019", "parue en mars 2022",
  "En 2006, des chercheurs…", "dans son numéro de mars";
- journals: "la revue X", "publiée dans X", "une étude parue dans X";
- researchers: "par Hugo Bottemanne et ses collègues", "sous la direction de…", "l'auteur principal…",
  "Liane Schmidt, chercheuse en neurosciences", "le Pr Lemoine", "selon X";
- topic words: French function words and science-reporting vocabulary left out, informativeness from
  general French frequency, then said in English for the scholarly indexes (which index English titles
  and abstracts): a glossary for the words that differ, regular cognate endings for the rest
  ("cognitif" → "cognitive", "thérapie" → "therapy"), each checked against general English.

Pure data and functions; :mod:`sources.query` chooses these cues for an article in French.
"""

from __future__ import annotations

import functools
import re

from wordfreq import zipf_frequency

from sources import names, normalize

MONTHS = {
    "janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "décembre": 12,
}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WORK_NOUN = (
    r"(?:étude|études|article|articles|essai|essais|travaux|recherche|recherches|enquête|enquêtes|rapport|"
    r"rapports|analyse|méta-analyse|publication|prépublication|expérience|expériences|cohorte|revue systématique)"
)
_PARTICIPLE = (
    r"(?:publiée?s?|parue?s?|présentée?s?|menée?s?|réalisée?s?|conduite?s?|mise?s? en ligne|diffusée?s?|"
    r"dévoilée?s?|rendue?s? publique?s?)"
)
_YEAR = r"((?:19|20)\d\d)"
# A journal's name as it stands in the sentence ("JAMA Psychiatry", "Population et Sociétés").
_TITLE_WORDS = r"(?-i:[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|in|&|et|de|du|des))*)"
YEAR_RES = [
    # "publiés dans la revue JAMA Psychiatry en 2022", "parue en mars 2022", "publiée le 4 mai 2021"
    re.compile(
        rf"\b{_PARTICIPLE}(?:\s+en\s+ligne)?(?:\s+dans\s+(?:la\s+revue\s+|le\s+|la\s+|l[’'])?{_TITLE_WORDS})?"
        rf",?\s+(?:en|le|au|début|fin|courant)\s+(?:(?:début|fin|mi-?)\s*)?(?:printemps\s+|été\s+|automne\s+|"
        rf"hiver\s+)?(?:\d{{1,2}}(?:er)?\s+)?(?:(?:{MONTH_NAMES})\s+)?{_YEAR}\b",
        re.IGNORECASE,
    ),
    # "une étude publiée au printemps 2021", "menée entre 2015 et 2019" (the later year)
    re.compile(rf"\b{_PARTICIPLE}\s+entre\s+(?:19|20)\d\d\s+et\s+{_YEAR}\b", re.IGNORECASE),
    # "une étude de 2019", "leurs travaux de 2006", "l'essai de 2015"
    re.compile(rf"\b{WORK_NOUN}\s+(?:\w+\s+){{0,2}}?(?:de|datant de|remontant à)\s+{_YEAR}\b", re.IGNORECASE),
    # "En 2006, des chercheurs…"
    re.compile(
        rf"\b[Ee]n\s+{_YEAR},?\s+(?:une\s+équipe|des\s+chercheu(?:r|se)s|des\s+scientifiques|des\s+économistes|"
        r"un\s+groupe|des\s+médecins)\b"
    ),
    re.compile(rf"\bet al\.?,?\s+{_YEAR}\b"),
    re.compile(rf"\bnuméro\s+d[e’']\s*(?:{MONTH_NAMES})\s+{_YEAR}\b", re.IGNORECASE),
]
MONTH_RE = re.compile(
    rf"\b(?:dans\s+)?(?:le|son|leur|un)\s+numéro\s+d[e’']\s*({MONTH_NAMES})(?:\s+{_YEAR})?\b", re.IGNORECASE
)
# "l'étude publiée l'an dernier", "une étude de l'année dernière", "des travaux publiés cette année"
RELATIVE_YEAR_RE = re.compile(
    rf"\b{WORK_NOUN}\b[^.;!?\n]{{0,40}}?\b(?:(?P<last>l[’']an\s+(?:dernier|passé)|l[’']année\s+(?:dernière|passée))"
    r"|(?P<this>cette\s+année))",
    re.IGNORECASE,
)

_JOURNAL_NAME = (
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|for|in|&|et|de|du|des|la|le|les|d’\w+|"
    r"française|américaine|européenne|internationale|pédiatrie|sociologie|psychologie|médecine|santé))*)"
)
# (pattern, must the name resolve to a journal the table or an index knows)
JOURNAL_CONTEXT_RES: list[tuple[re.Pattern[str], bool]] = [
    # "la revue Cephalalgia Reports", "la revue scientifique américaine Sleep Health"
    (
        re.compile(
            r"\brevue\s+(?:(?:scientifique|médicale|spécialisée|américaine|britannique|internationale|"
            rf"prestigieuse|de référence)\s+)*{_JOURNAL_NAME}"
        ),
        False,
    ),
    # "publiée dans Cephalalgia Reports", "parue dans le Journal of Sleep Research"
    (re.compile(rf"\b{_PARTICIPLE}\s+(?:en\s+ligne\s+)?dans\s+(?:le\s+|la\s+|l[’'])?{_JOURNAL_NAME}"), True),
    # "une étude dans Sleep Health"
    (re.compile(rf"\b{WORK_NOUN}\s+dans\s+(?:le\s+|la\s+|l[’'])?{_JOURNAL_NAME}"), True),
]

# "l'université de Californie", "l'Institut du cerveau", "le CHU de Bordeaux", "l'hôpital de la Pitié"
INSTITUTION_RE = re.compile(
    r"\b((?:[Uu]niversité|[Ii]nstitut|[Hh]ôpital|[Cc]entre hospitalier(?: universitaire)?|CHU|[ÉEée]cole|"
    r"[Ll]aboratoire|[Cc]entre de recherche)"
    r"(?: (?:de|du|des|d’|d')(?: la| l’| l')?)?\s?[A-Z][\w'’-]+(?: (?:de |du |des )?[A-Z][\w'’-]+){0,6})"
)

PROFESSIONS = (
    "chercheur", "chercheuse", "scientifique", "professeur", "professeure", "psychiatre", "neuroscientifique",
    "médecin", "docteur", "docteure", "épidémiologiste", "psychologue", "cardiologue", "économiste", "sociologue",
    "biologiste", "physicien", "physicienne", "chimiste", "généticien", "généticienne", "oncologue", "neurologue",
    "pédiatre", "virologue", "immunologue", "statisticien", "statisticienne", "démographe", "écologue",
    "climatologue", "astronome", "astrophysicien", "astrophysicienne", "anthropologue", "nutritionniste",
    "diététicien", "diététicienne", "chirurgien", "chirurgienne", "infirmier", "infirmière", "pharmacologue",
    "criminologue", "politologue", "historien", "historienne", "linguiste", "ingénieur", "ingénieure",
    "maître de conférences", "directeur de recherche", "directrice de recherche", "spécialiste", "expert",
    "experte", "dermatologue", "endocrinologue", "gastro-entérologue", "microbiologiste", "géologue",
    "océanographe", "zoologiste", "primatologue", "archéologue", "neurochirurgien", "radiologue", "pneumologue",
    "addictologue", "urgentiste", "auteur", "autrice", "co-auteur", "coauteur", "co-autrice",
    "chargé de recherche", "chargée de recherche", "doctorant", "doctorante", "maîtresse de conférences",
    "postdoctorant", "postdoctorante", "enseignant-chercheur", "enseignante-chercheuse", "ophtalmologue",
    "ophtalmologiste", "hépatologue", "gynécologue", "psychiatre", "psychanalyste", "vétérinaire", "pharmacien",
    "pharmacienne", "sage-femme", "démographe", "géographe", "philosophe", "juriste", "sondeur", "sondeuse",
)  # fmt: skip
PROFESSION = "|".join(f"[{p[0].upper()}{p[0]}]{re.escape(p[1:])}" for p in sorted(PROFESSIONS, key=len, reverse=True))
TITLES = r"(?:Dre?\.?|Pre?\.?|Professeure?|Docteure?)"
_NAME = names.NAME
_TEAM = r"(?:ses|leurs|son|sa)\s+(?:collègues|collaborateurs|collaboratrices|co-?auteurs|co-?autrices|équipe)"
RESEARCHER_RES: list[tuple[re.Pattern[str], bool]] = [
    # "par Hugo Bottemanne et ses collègues", "Hugo Bottemanne et son équipe"
    (re.compile(rf"\b({_NAME})\s+et\s+{_TEAM}\b"), True),
    # "dirigée par la psychiatre Ana de la Cruz", "sous la direction du Pr Jean Martin"
    (
        re.compile(
            rf"\b(?i:dirigée?s?|menée?s?|coordonnée?s?|pilotée?s?)\s+par\s+(?:l[ea]\s+|l[’'])?(?:(?:{PROFESSION})\s+)?"
            rf"(?:{TITLES}\s+)?({_NAME})"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b(?i:sous\s+la\s+(?:direction|houlette|responsabilité)\s+d(?:e\s+|u\s+|e\s+la\s+|[’']))"
            rf"(?:(?:{PROFESSION})\s+)?(?:{TITLES}\s+)?({_NAME})"
        ),
        True,
    ),
    # "l'auteur principal de l'étude, Jan van der Berg", "la première autrice, Maria Ortiz"
    (
        re.compile(
            r"\b(?:auteure?\s+principale?|autrice\s+principale|premier\s+auteur|première\s+autrice|"
            rf"première\s+auteure)(?:\s+de\s+l[’'](?:étude|article|essai))?,?\s+(?:{TITLES}\s+)?({_NAME})"
        ),
        True,
    ),
    (
        re.compile(
            rf"\b({_NAME}),?\s+(?:qui\s+a\s+(?:dirigé|mené|coordonné)|(?:l[’'])?auteure?\s+principale?|"
            r"(?:le\s+)?premier\s+auteur|(?:la\s+)?première\s+autrice)"
        ),
        True,
    ),
    (re.compile(rf"\b({_NAME})\s+et\s+al\b"), True),
    (re.compile(rf"\bco-?aut(?:eur|rice)e?s?,?\s+(?:{TITLES}\s+)?({_NAME})"), False),
    # "le psychiatre Hugo Bottemanne", "la sociologue Ana de la Cruz"
    (re.compile(rf"\b(?:{PROFESSION})s?,?\s+(?:{TITLES}\s+)?({_NAME})"), False),
    # "Liane Schmidt, chercheuse en neurosciences à l'Inserm", "Sean O'Brien, un épidémiologiste"
    (re.compile(rf"\b({_NAME}),\s+(?:(?:une?|la|le|l[’'])\s*)?(?:[\w'’-]+\s+){{0,3}}?(?:{PROFESSION})s?\b"), False),
    (re.compile(rf"\b{TITLES}\s+({_NAME})"), False),
    # "selon Liane Schmidt", "explique Fiona MacLeod" (kept only if it looks like a person)
    (
        re.compile(
            r"\b(?i:selon|d[’']après|explique|expliquait|ajoute|précise|souligne|estime|affirme|résume|note|"
            rf"a\s+(?:déclaré|expliqué|précisé|ajouté|souligné|estimé|affirmé|résumé))\s+({_NAME})"
        ),
        False,
    ),
]


# Capitalised words that open a sentence before a name: "Selon Marie Lemoine", "Pour Sophie Martin".
_NOT_NAME = """
    selon pour avec mais et la le les une un des pourtant ainsi enfin car donc
    or alors aussi puis chez sous dans en par après avant interrogé interrogée contacté contactée
    """
NOT_NAME_WORDS = frozenset(_NOT_NAME.split())


# The form topic words are compared in ("dépression" -> "depression", "cœur" -> "coeur").
fold = normalize.fold


# A standard French function-word list, then the vocabulary of science reporting in French. Folded.
_STOPWORDS = """au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme
    mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
    votre vous c d j l m n s t y ete etee etees etes etant etais etait etaient etions etiez suis es est sommes
    sont serai seras sera serons serez seront serais serait serions seriez seraient fus fut furent sois soit soyons
    soyez soient ai as avons avez ont aurai aura aurons aurez auront aurais aurait aurions auriez auraient avais
    avait avions aviez avaient eu eue eues eus ayant aie ait ayons ayez aient cela ceci celle celles celui ceux
    cet cette ici ils leur tout tous toute toutes autre autres aussi alors ainsi apres avant depuis pendant lors
    lorsque quand comme comment donc or car ni si sans sous chez entre vers selon contre parmi deja encore toujours
    jamais tres trop peu plus moins bien mal beaucoup certes chaque plusieurs quelque quelques aucun aucune tel
    telle tels telles dont ou quoi laquelle lequel lesquels lesquelles auquel duquel ceux-ci celle-ci cela ca
    un deux trois quatre cinq six sept huit neuf dix vingt trente cent mille million millions milliard milliards
    moitie tiers quart pourcent fois environ pres presque quasi notamment egalement enfin puis ensuite cependant
    pourtant toutefois neanmoins certes afin parce lorsqu puisque tandis etc"""
_REPORTING = """faire fait faits font fera feront peut peuvent pourrait pourraient pouvoir doit doivent devrait
    devraient
    etre avoir dire dit disent selon explique expliquent ajoute ajoutent precise souligne estime affirme resume
    declare rappelle rappelait rappele indique note montre montrent montre demontre revele revelent suggere
    etude etudes recherche recherches chercheur chercheurs chercheuse chercheuses scientifique scientifiques
    equipe equipes collegue collegues auteur auteurs autrice principal principale professeur docteur pr dr
    resultat resultats publie publies publiee publiees publication parue paru parus parues revue revues journal
    article articles communique presse preambule annonce donnees analyse analyses essai essais travaux rapport
    nouveau nouvelle nouveaux nouvelles nouvel premier premiere premiers premieres dernier derniere derniers
    recent recente recents recentes recemment grand grande grands grandes petit petite petits petites
    important importante importants importantes majeur majeure bon bonne bons bonnes meilleur meilleure
    annee annees an ans mois semaine semaines jour jours heure heures minute minutes aujourd hui hier demain
    personne personnes gens patient patients patiente patientes participant participants volontaires adulte adultes
    nombre nombreux nombreuses cas fois partie parties part type types sorte sortes facon maniere moyen
    pistes piste ouvrent ouvre ouvrir permet permettent permis possible possibles complementaire complementaires
    menee menees mene mener cherche cherche comprendre voulu analyser etabli etablir present presentaient
    presentait devenaient devenait prise prises usage fin fins certes deja encore bien precis precise
    effet effets positif positifs important lien liens lie liee lies liees associe associee risque risques
    hausse baisse augmentation diminution taux niveau niveaux groupe groupes
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    lundi mardi mercredi jeudi vendredi samedi dimanche matin soir veille lendemain cours sein"""
# Function words only: what a name can never hold ("Jean Petit" and "Louis Grand" are names).
FUNCTION_WORDS = frozenset(_STOPWORDS.split())
STOPWORDS = FUNCTION_WORDS | frozenset(_REPORTING.split())
# Words of this general-French frequency (Zipf scale) or more say little of a topic.
COMMON_ZIPF = 5.4


def frequency(word: str) -> float:
    """General-French frequency of a word as written (with its accents), on the Zipf scale."""
    return zipf_frequency(word, "fr")


# Topic words whose English is not a regular cognate (folded, singular).
GLOSSARY = {
    "croyance": "belief", "cerveau": "brain", "sommeil": "sleep", "coeur": "heart", "maladie": "disease",
    "traitement": "treatment", "humeur": "mood", "sante": "health", "femme": "women", "homme": "men",
    "enfant": "children", "ecran": "screen", "eau": "water", "alimentation": "diet", "aliment": "food",
    "alimentaire": "food", "viande": "meat", "poisson": "fish", "legume": "vegetables", "sucre": "sugar",
    "sel": "salt", "graisse": "fat", "poids": "weight", "tabac": "smoking", "fumeur": "smokers",
    "tabagisme": "smoking", "alcool": "alcohol", "boisson": "drinks", "cafe": "coffee", "vin": "wine",
    "biere": "beer", "chien": "dogs", "chat": "cats", "oiseau": "birds", "abeille": "bees",
    "arbre": "trees", "foret": "forests", "mer": "sea", "glace": "ice", "rechauffement": "warming",
    "climat": "climate", "chaleur": "heat", "canicule": "heatwave", "secheresse": "drought", "pluie": "rain",
    "vaccin": "vaccine", "grippe": "influenza", "rougeole": "measles", "paludisme": "malaria",
    "poumon": "lung", "foie": "liver", "rein": "kidney", "peau": "skin", "sang": "blood", "os": "bone",
    "dent": "teeth", "oeil": "eye", "yeux": "eyes", "vue": "vision", "oreille": "ear", "douleur": "pain",
    "souris": "mice", "singe": "monkeys", "biais": "bias", "antidepresseur": "antidepressant",
    "medicament": "drug", "pilule": "pill", "deces": "deaths", "mort": "death", "naissance": "birth",
    "grossesse": "pregnancy", "enceinte": "pregnant", "bebe": "infants", "nourrisson": "infants",
    "lait": "milk", "allaitement": "breastfeeding", "ecole": "school", "eleve": "pupils", "etudiant": "students",
    "enseignant": "teachers", "travail": "work", "emploi": "employment", "chomage": "unemployment",
    "salaire": "wages", "revenu": "income", "pauvrete": "poverty", "richesse": "wealth",
    "inegalite": "inequality", "logement": "housing", "loyer": "rent", "impot": "tax",
    "electeur": "voters", "sondage": "poll", "reseau": "network", "telephone": "phone", "jeu": "games",
    "jeux": "games", "lecture": "reading", "livre": "books", "velo": "cycling",
    "voiture": "cars", "ville": "city", "bruit": "noise", "lumiere": "light", "nuit": "night",
    "matin": "morning", "repas": "meals", "jeune": "young", "vieillissement": "ageing", "apprentissage": "learning",
    "langue": "language", "parole": "speech", "tumeur": "tumour", "cardiaque": "cardiac", "avc": "stroke",
    "diabete": "diabetes", "cellule": "cells", "souche": "strain", "champignon": "fungi", "espece": "species",
    "microbiote": "microbiota", "intestin": "gut", "intestinal": "intestinal", "surpoids": "overweight",
    "exercice": "exercise", "petrole": "oil", "charbon": "coal", "gaz": "gas", "dechet": "waste",
    "recyclage": "recycling", "optimiste": "optimistic", "pessimiste": "pessimistic", "sensible": "sensitive",
    "evenement": "events", "trouble": "disorders", "deprime": "depressed", "drogue": "drugs",
    "hallucinogene": "hallucinogenic", "efficacite": "efficacy", "efficace": "effective", "sevrage": "withdrawal",
    "accoutumance": "addiction", "soin": "care", "hopital": "hospital", "urgence": "emergency",
    "chirurgie": "surgery", "guerison": "recovery", "rechute": "relapse", "essor": "growth",
    "depistage": "screening", "prevention": "prevention", "surdite": "deafness", "cecite": "blindness",
    "tristesse": "sadness", "bonheur": "happiness", "solitude": "loneliness", "isolement": "isolation",
    "entourage": "relatives", "etat": "state", "pays": "countries", "monde": "world", "argent": "money",
    "entreprise": "companies", "usine": "factories", "agriculteur": "farmers", "pesticide": "pesticides",
    "engrais": "fertiliser", "sol": "soil", "riviere": "rivers", "fleuve": "rivers", "glacier": "glaciers",
    "neige": "snow", "vent": "wind", "eolienne": "wind", "nucleaire": "nuclear", "crise": "crisis",
    "guerre": "war", "arme": "weapons", "violence": "violence", "crime": "crime", "prison": "prison",
    "ecrans": "screens", "sommeiller": "sleep", "dormir": "sleep", "manger": "eating", "boire": "drinking",
    "fumer": "smoking", "courir": "running", "marcher": "walking", "nager": "swimming", "natation": "swimming",
    "baignade": "swimming", "froid": "cold", "chaud": "hot", "vieux": "old", "age": "age", "agee": "elderly",
    "retraite": "retirement", "souvenir": "memories", "oubli": "forgetting", "reve": "dreams",
    "obese": "obese", "gras": "fat",
    "cancereux": "cancerous", "tumoral": "tumour", "mammaire": "breast", "prostate": "prostate",
    "colon": "colon", "gorge": "throat", "toux": "cough", "fievre": "fever", "rhume": "cold",
    "mecanisme": "mechanism", "comportement": "behaviour", "connaissance": "knowledge", "esprit": "mind",
    "pensee": "thinking", "emotion": "emotions", "peur": "fear", "colere": "anger", "plaisir": "pleasure",
    "recompense": "reward", "faim": "hunger", "sexe": "sex", "couple": "couples", "parent": "parents",
    "mere": "mothers", "pere": "fathers", "fille": "girls", "garcon": "boys", "adolescence": "adolescence",
    "demence": "dementia", "arythmie": "arrhythmia", "infarctus": "infarction", "asthme": "asthma",
    "sida": "aids", "vih": "hiv", "hepatite": "hepatitis", "leucemie": "leukaemia", "melanome": "melanoma",
    "uterus": "uterus", "accouchement": "childbirth", "premature": "preterm", "nouveau-ne": "newborn",
    "pandemie": "pandemic", "epidemie": "epidemic", "masque": "masks", "confinement": "lockdown",
    "lunette": "glasses", "sieste": "nap", "bien-etre": "wellbeing", "dependance": "dependence",
    "vapotage": "vaping", "charcuterie": "meat", "edulcorant": "sweeteners", "fromage": "cheese", "oeuf": "eggs",
    "chocolat": "chocolate", "complement": "supplements", "huile": "oil", "sedentarite": "sedentary",
    "fonte": "melting", "banquise": "ice", "ouragan": "hurricanes", "incendie": "wildfires",
    "inondation": "floods", "neonicotinoide": "neonicotinoids", "ruche": "hive", "pollinisateur": "pollinators",
    "ordinateur": "computers", "ecriture": "writing", "trajet": "commuting",
    "cyclable": "cycle", "domicile-travail": "commuting", "fibrose": "fibrosis", "extrasystole": "extrasystoles",
    "auriculaire": "atrial", "hospitalisation": "hospitalizations", "pic": "peaks", "clavier": "keyboard",
    "nageur": "swimmers", "baigner": "swimming", "bain": "bathing", "declin": "decline",
    "lire": "reading", "lisent": "reading", "the": "tea", "medecine": "medicine", "pression": "pressure",
    "gouvernement": "government", "enquete": "survey", "maire": "mayor", "chomeur": "unemployed",
    "marche a pied": "walking", "abeilles": "bees", "poignet": "wrist", "emplois": "employment",
}  # fmt: skip
# French words that are English words of another meaning: no cognate rule may say them in English.
FALSE_FRIENDS = {
    "pain": "bread", "main": "hands", "bras": "arms", "vente": "sales", "blesse": "injured", "sale": "",
    "tue": "", "preservatif": "condoms", "actuel": "", "actuelle": "", "eventuel": "", "eventuelle": "",
    "evidence": "", "envie": "", "douche": "shower", "lit": "beds", "coin": "", "sort": "", "large": "",
    "grave": "", "location": "rental", "cave": "", "rente": "", "ne": "", "nes": "", "place": "",
    "sensible": "sensitive", "librairie": "bookshops", "formation": "training", "collegue": "", "journee": "",
    "attendre": "", "assister": "", "rester": "", "passer": "", "monnaie": "currency", "car": "", "but": "",
    "four": "ovens", "mine": "", "pile": "batteries", "rat": "rats", "chair": "flesh", "hall": "", "pour": "",
    "figure": "", "fin": "", "plus": "", "tape": "", "bride": "", "coins": "",
    "marche": "", "porte": "", "sein": "",
    "mari": "husbands", "mais": "", "tant": "", "son": "", "sa": "", "rien": "", "lame": "", "os": "bones",
}  # fmt: skip
# Regular French endings and their English counterparts, longest first (on folded, singular words).
ENDINGS = (
    ("iques", "ic"), ("ique", "ical"), ("ique", "ic"), ("ies", "ies"), ("ie", "y"), ("ie", "ia"),
    ("ite", "ity"), ("ete", "ety"), ("euse", "ous"), ("eux", "ous"), ("ive", "ive"), ("if", "ive"),
    ("isme", "ism"), ("iste", "ist"), ("aire", "ary"), ("aire", "ar"), ("aire", "al"), ("oire", "ory"),
    ("ose", "osis"), ("yse", "ysis"), ("ine", "in"), ("ine", "ine"), ("eur", "or"), ("eur", "er"),
    ("aque", "ac"), ("elle", "al"), ("el", "al"), ("ienne", "ian"), ("ien", "ian"), ("e", ""), ("", ""),
)  # fmt: skip
# A translation must be a word of general English at least this frequent (Zipf scale).
ENGLISH_ZIPF = 2.0


def _singular(word: str) -> list[str]:
    """The word, its singular and its masculine: "dépressives" -> depressives, depressive, depressif…"""
    forms = [word]
    if word.endswith("aux") and len(word) > 4:
        forms.append(word[:-3] + "al")
    if word.endswith(("s", "x")) and len(word) > 3:
        forms.append(word[:-1])
    for form in list(forms):
        if form.endswith("ive") and len(form) > 5:
            forms.append(form[:-3] + "if")
        elif form.endswith(("ee", "le", "te", "ne", "se", "re")) and len(form) > 5:
            forms.append(form[:-1])
    return forms


@functools.lru_cache(maxsize=20_000)
def to_english(word: str) -> str:
    """The English of a folded French topic word, or "" when it has none we can trust."""
    for form in _singular(word):
        if form in GLOSSARY:
            return GLOSSARY[form]
        if form in FALSE_FRIENDS:
            return FALSE_FRIENDS[form]
    best, best_zipf = "", ENGLISH_ZIPF
    for form in _singular(word):
        for french, english in ENDINGS:
            if not form.endswith(french) or len(form) - len(french) < 3:
                continue
            candidate = form[: len(form) - len(french)] + english
            frequency_en = zipf_frequency(candidate, "en")
            if frequency_en >= best_zipf:
                best, best_zipf = candidate, frequency_en
    return best
