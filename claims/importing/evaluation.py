"""How well the hints tell check-worthy sentences from the rest, in English and in French.

Each language has sentences written for the purpose in the registers a newsroom publishes (politics,
economy, health, science, sport, local news): 30 that a fact-checker would want to check (a figure, a
study, a causal or comparative claim, an attributed statement of fact) and 30 that carry nothing to
check (scene-setting, announcements, opinions, service lines). The French ones are not translations of
the English ones. A sentence is hinted when :func:`claims.importing.hints.score_sentence` gives it at
least ``MIN_SCORE``.

Recall = check-worthy sentences hinted / check-worthy sentences; precision = check-worthy among the
hinted. ``manage.py hints_evaluation`` prints them; ``tests/claims/importing/test_hints_evaluation.py``
holds the floors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.importing.hints import MIN_SCORE, score_sentence

WORTHY = {
    "en": [
        "Unemployment fell by 3.2% over the year, according to figures published on Wednesday.",
        "Nearly one in four young people say they have skipped medical care because of the cost.",
        "The UK emitted 384 million tonnes of greenhouse gases in 2023, the Climate Change Committee said.",
        "The government claims the reform will save £18 billion by 2030.",
        "E-scooter accidents have doubled in London since 2019.",
        "A study published in The Lancet shows that air pollution cuts life expectancy by two years.",
        "“Crime has never been lower in twenty years,” the home secretary said.",
        "Inflation averaged 6.8% in 2023, according to the Office for National Statistics.",
        "The vaccine reduces the risk of hospital admission by 90% in people over 65.",
        "Britons eat an average of 80 kilos of meat a year.",
        "Museum visits rose 12% last year, the culture department said.",
        "July 2022 was the driest month on record, according to the Met Office.",
        "Diesel prices passed £1.90 a litre at half of all petrol stations.",
        "Researchers at the University of Sussex found that neonicotinoids weaken bee colonies.",
        "The minimum wage has risen faster than inflation since 2020, the minister insisted.",
        "One child in five lives below the poverty line, according to Unicef.",
        "Smoking causes 75,000 deaths a year in England.",
        "The mayor said the city had planted 10,000 trees in three years.",
        "Electric cars emit less CO2 than petrol cars over their whole life cycle.",
        "Turnout was 47%, the lowest since 1918.",
        "According to a YouGov poll, 62% of voters oppose the bill.",
        "Public debt passed £2.7 trillion in the second quarter.",
        "Hospitals closed 4,900 beds in 2022, NHS figures show.",
        "Working from home improves productivity, an OECD study suggests.",
        "The number of wolves in the country grew from 500 to more than 1,000 in five years.",
        "The river will be safe to swim in by 2025, the mayor promised.",
        "Bicycle sales fell 20% in the first half of the year.",
        "Paracetamol taken during pregnancy may be linked to a higher risk of attention disorders, a Danish study "
        "suggests.",
        "England have not lost any of their last ten home matches.",
        "Women earn on average 14% less than men, official data show.",
    ],
    "fr": [
        "Le nombre de demandeurs d’emploi a reculé de 3,2 % sur un an, selon les chiffres publiés mercredi par "
        "France Travail.",
        "Près d’un jeune sur quatre déclare avoir déjà renoncé à des soins pour des raisons financières.",
        "La France a émis 373 millions de tonnes de gaz à effet de serre en 2023, d’après le Haut Conseil pour le "
        "climat.",
        "Le gouvernement affirme que la réforme permettra d’économiser 18 milliards d’euros d’ici 2030.",
        "Les accidents de trottinette ont doublé à Paris depuis 2019.",
        "Une étude publiée dans The Lancet montre que la pollution de l’air réduit l’espérance de vie de deux ans.",
        "« La délinquance n’a jamais été aussi basse depuis vingt ans », a affirmé le ministre de l’Intérieur.",
        "Selon l’Insee, l’inflation a atteint 4,9 % en moyenne en 2023.",
        "Le vaccin réduit de 90 % le risque d’hospitalisation chez les plus de 65 ans.",
        "Les Français consomment en moyenne 85 kilos de viande par an.",
        "La fréquentation des musées a progressé de 12 % l’an dernier, selon le ministère de la Culture.",
        "D’après Météo-France, juillet 2022 a été le mois le plus sec jamais enregistré dans le pays.",
        "Le prix du gazole a dépassé 2 euros le litre dans la moitié des stations-service.",
        "Les chercheurs de l’Inrae ont constaté que les néonicotinoïdes affaiblissent les colonies d’abeilles.",
        "Le salaire minimum a augmenté plus vite que l’inflation depuis 2020, assure la ministre du Travail.",
        "Un enfant sur cinq vit sous le seuil de pauvreté en France, selon l’Unicef.",
        "La consommation de tabac provoque chaque année 75 000 décès en France.",
        "Le maire a déclaré que la ville avait planté 10 000 arbres en trois ans.",
        "Les voitures électriques émettent moins de CO2 que les voitures thermiques sur l’ensemble de leur cycle "
        "de vie.",
        "Le taux de participation au premier tour a été de 47 %, le plus faible depuis 1958.",
        "Selon un sondage Ifop, 62 % des Français sont opposés au projet de loi.",
        "La dette publique a franchi la barre des 3 000 milliards d’euros au deuxième trimestre.",
        "Les hôpitaux ont fermé 4 900 lits en 2022, d’après la Drees.",
        "Le télétravail améliore la productivité des salariés, selon une étude de l’OCDE.",
        "Le nombre de loups en France est passé de 500 à plus de 1 000 en cinq ans.",
        "La Seine sera baignable dès 2025, a promis la maire de Paris.",
        "Les ventes de vélos ont chuté de 20 % au premier semestre.",
        "Le paracétamol pris pendant la grossesse serait lié à un risque accru de troubles de l’attention chez "
        "l’enfant, suggère une étude danoise.",
        "L’équipe de France n’a perdu aucun de ses dix derniers matchs à domicile.",
        "Les femmes gagnent en moyenne 24 % de moins que les hommes, selon l’Insee.",
    ],
}
NOT_WORTHY = {
    "en": [
        "It was raining that morning in the market square.",
        "We met Mary in her small flat in the neighbourhood.",
        "The ceremony will be held on Saturday at the town hall.",
        "Find all our coverage on our website.",
        "The film opens in cinemas next week.",
        "She opened the door and offered us a coffee.",
        "Subscribe to our newsletter.",
        "The debate will resume after the break.",
        "Children were playing in the school yard.",
        "The president arrived in Manchester in the late morning.",
        "We will have to wait until next month to learn more.",
        "The meeting ended in a relaxed atmosphere.",
        "The singer thanked the crowd at the end of the concert.",
        "Work on the high street will begin on Monday.",
        "I think it is a beautiful story.",
        "The museum is open from Tuesday to Sunday.",
        "The player left the pitch to applause.",
        "We will return to this story in our next edition.",
        "His mother was waiting for him outside the station.",
        "The show delighted the many spectators who came.",
        "The candidates presented their plans to voters.",
        "She still remembers that summer day.",
        "The author will sign copies of her book at the bookshop in the town centre.",
        "The court will give its decision in two weeks.",
        "The road was closed to traffic for the morning.",
        "The village is holding its traditional Christmas market this year.",
        "For more information, contact the newsroom.",
        "The procession set off in the early afternoon.",
        "The two men shook hands in front of the cameras.",
        "The festival will welcome artists from all over Europe.",
    ],
    "fr": [
        "Il pleuvait ce matin-là sur la place du marché.",
        "Nous avons rencontré Marie dans son petit appartement du quartier.",
        "La cérémonie se tiendra samedi à la mairie.",
        "Retrouvez toutes nos informations sur notre site.",
        "Le film sortira en salles la semaine prochaine.",
        "Elle a ouvert la porte et nous a proposé un café.",
        "Abonnez-vous à notre lettre d’information.",
        "Le débat reprendra après la pause.",
        "Les enfants jouaient dans la cour de l’école.",
        "Le président est arrivé à Marseille en fin de matinée.",
        "Il faudra attendre le mois prochain pour en savoir plus.",
        "La réunion s’est achevée dans une ambiance détendue.",
        "Le chanteur a remercié son public à la fin du concert.",
        "Les travaux de la rue principale commenceront lundi.",
        "Je pense que c’est une belle histoire.",
        "Le musée est ouvert du mardi au dimanche.",
        "Le joueur a quitté le terrain sous les applaudissements.",
        "Nous reviendrons sur ce dossier dans notre prochaine édition.",
        "Sa mère l’attendait devant la gare.",
        "Le spectacle a enchanté les spectateurs venus nombreux.",
        "Les candidats ont présenté leurs programmes devant les électeurs.",
        "Elle se souvient encore de ce jour d’été.",
        "L’autrice signera son livre à la librairie du centre-ville.",
        "Le tribunal rendra sa décision dans quinze jours.",
        "La route a été fermée à la circulation pendant la matinée.",
        "Le village fête cette année son traditionnel marché de Noël.",
        "Pour plus d’informations, contactez la rédaction.",
        "Le cortège s’est élancé en début d’après-midi.",
        "Les deux hommes se sont serré la main devant les caméras.",
        "Le festival accueillera des artistes venus de toute l’Europe.",
    ],
}
LANGUAGES = tuple(WORTHY)


@dataclass
class Figures:
    language: str
    worthy: int = 0
    found: int = 0  # check-worthy sentences hinted
    hinted: int = 0  # sentences hinted
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.worthy if self.worthy else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.hinted if self.hinted else 1.0


def figures(language: str) -> Figures:
    """Recall and precision of the hints on ``language``'s sentences."""
    result = Figures(language=language, worthy=len(WORTHY[language]))
    for sentence in WORTHY[language]:
        if score_sentence(sentence, language)[0] >= MIN_SCORE:
            result.found += 1
            result.hinted += 1
        else:
            result.missed.append(sentence)
    for sentence in NOT_WORTHY[language]:
        if score_sentence(sentence, language)[0] >= MIN_SCORE:
            result.hinted += 1
            result.wrong.append(sentence)
    return result
