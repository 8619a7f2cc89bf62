"""The evaluation set: news stories written for it, each citing one work among distractors that share its cues.

Every case is a short story (headline, outlet, date, paragraphs) whose claim cites a work the way
journalists do: a journal by name, abbreviation or short form, a preprint server, researchers with
particles, apostrophes, accents or hyphens, "lead author" and professions, institutions, years and
months, identifiers, the outlet that first reported it, filler words, and research outside
biomedicine that only Crossref and OpenAlex index. Around each cited work the corpus holds works
that share its cues: the same journal and year on another topic, a rival study of the same topic in
another journal, another paper by the same first author, an older paper of the same topic in the
same journal; for a third of the cases a twin (same journal, same months, same topic, other
authors); and for some a correction notice, a retracted namesake or a later paper of the same team.

A French part (:data:`FRENCH`) tells stories as the French press does ("publiée dans la revue …",
"selon la chercheuse …", "et ses collègues", "parue en mars 2022") about works indexed in English.

Cases are split: ``dev`` (tuned against) and ``held_out`` (every fourth case, only reported).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sources.evaluation.standin import Corpus, Journal, Work

# (name, ISSNs, aliases, biomedical)
JOURNALS: list[tuple[str, list[str], list[str], bool]] = [
    ("JAMA Psychiatry", ["2168-622X", "2168-6238"], [], True),
    ("JAMA", ["0098-7484", "1538-3598"], ["Journal of the American Medical Association"], True),
    ("New England Journal of Medicine", ["0028-4793", "1533-4406"], ["NEJM"], True),
    ("The Lancet", ["0140-6736", "1474-547X"], ["Lancet"], True),
    ("The BMJ", ["0959-8138", "1756-1833"], ["BMJ"], True),
    ("Proceedings of the National Academy of Sciences", ["0027-8424", "1091-6490"], ["PNAS"], True),
    ("Nature", ["0028-0836", "1476-4687"], [], False),
    ("Science", ["0036-8075", "1095-9203"], [], False),
    ("Nature Medicine", ["1078-8956", "1546-170X"], [], True),
    ("PLOS ONE", ["1932-6203"], ["PLoS One"], True),
    ("Cephalalgia Reports", ["2515-8163"], [], True),
    ("Sleep Health", ["2352-7218", "2352-7226"], [], True),
    ("Journal of Sleep Research", ["0962-1105", "1365-2869"], [], True),
    ("Appetite", ["0195-6663", "1095-8304"], [], True),
    ("Circulation", ["0009-7322", "1524-4539"], [], True),
    ("European Heart Journal", ["0195-668X", "1522-9645"], [], True),
    ("Diabetes Care", ["0149-5992", "1935-5548"], [], True),
    ("Pediatrics", ["0031-4005", "1098-4275"], [], True),
    ("Gut", ["0017-5749", "1468-3288"], [], True),
    ("Psychological Science", ["0956-7976", "1467-9280"], [], False),
    ("American Economic Review", ["0002-8282", "1944-7981"], ["AER"], False),
    ("The Quarterly Journal of Economics", ["0033-5533", "1531-4650"], ["QJE"], False),
    ("Journal of Political Economy", ["0022-3808", "1537-534X"], [], False),
    ("Physical Review Letters", ["0031-9007", "1079-7114"], ["PRL"], False),
    ("Nature Climate Change", ["1758-678X", "1758-6798"], [], False),
    ("Geophysical Research Letters", ["0094-8276", "1944-8007"], [], False),
    ("Journal of Urban Economics", ["0094-1190", "1095-9068"], [], False),
    ("Computers & Education", ["0360-1315", "1873-782X"], [], False),
    ("Journal of Transport Geography", ["0966-6923", "1873-1236"], [], False),
    ("Ecology Letters", ["1461-023X", "1461-0248"], [], False),
    ("Addiction", ["0965-2140", "1360-0443"], [], True),
    ("Journal of Hepatology", ["0168-8278", "1600-0641"], [], True),
    ("Age and Ageing", ["0002-0729", "1468-2834"], [], True),
    ("Social Science & Medicine", ["0277-9536", "1873-5347"], [], True),
]
SERVERS = {"medRxiv": True, "bioRxiv": True, "arXiv": False, "SSRN": False, "PsyArXiv": False}

PEOPLE = [
    ("Amara", "Okafor"), ("Lukas", "Brandt"), ("Mei", "Tanaka"), ("Priya", "Raman"), ("Tomás", "Ferreira"),
    ("Ingrid", "Halvorsen"), ("Kwame", "Mensah"), ("Sofia", "Marchetti"), ("Hiroshi", "Sato"), ("Elena", "Popescu"),
    ("David", "Kowalski"), ("Fatima", "Haddad"), ("Oliver", "Grant"), ("Chloé", "Dubois"), ("Rahul", "Mehta"),
    ("Nadia", "Petrova"), ("Samuel", "Adeyemi"), ("Laura", "Jensen"), ("Wei", "Zhang"), ("Isabel", "Moreno"),
    ("Peter", "Lindqvist"), ("Hannah", "Fischer"), ("Yusuf", "Demir"), ("Grace", "Mwangi"), ("Marco", "Bellini"),
    ("Aisha", "Rahman"), ("Jonas", "Weber"), ("Camille", "Laurent"), ("Ravi", "Iyer"), ("Eva", "Novak"),
]  # fmt: skip
OFF_TOPIC = [
    ("Vitamin D supplementation and fracture risk in postmenopausal women",
     "This randomised trial tested vitamin D supplements against placebo for fractures in 2,100 women."),
    ("Air pollution exposure and childhood asthma admissions",
     "A cohort study of hospital admissions linked fine particulate matter to asthma in 48,000 children."),
    ("Antibiotic prescribing for sore throat in primary care",
     "We analysed prescriptions in 310 general practices to describe antibiotic use for sore throat."),
    ("Gut microbiota composition after bariatric surgery",
     "Stool samples from 64 patients were sequenced before and after surgery."),
    ("Screen time and myopia progression in schoolchildren",
     "A longitudinal study followed 1,530 schoolchildren and measured refraction yearly."),
    ("Statin use and muscle symptoms: an n-of-1 trial series",
     "Randomised crossover trials in 200 patients compared statins with placebo for muscle pain."),
    ("Heat waves and emergency department visits for kidney disease",
     "Time-series data from 40 hospitals were related to daily maximum temperature."),
    ("Remote consultations and patient satisfaction in dermatology",
     "A survey of 812 patients compared video and in-person dermatology appointments."),
    ("Coffee drinking and atrial fibrillation in the UK Biobank",
     "A prospective cohort study of 380,000 adults related coffee intake to incident arrhythmia."),
    ("Salt substitutes and blood pressure in rural villages",
     "A cluster randomised trial in 600 villages replaced table salt with a potassium-enriched substitute."),
    ("Minimum wage increases and teenage employment",
     "We use county-level payroll data to estimate employment effects of minimum wage changes."),
    ("Bank branch closures and small business lending",
     "Loan-level records show how branch closures reduce credit to nearby firms."),
    ("Superconductivity in twisted trilayer graphene",
     "Transport measurements reveal superconducting phases at low temperature in trilayer samples."),
    ("Glacier retreat and river discharge in the Andes",
     "Satellite records and gauge data quantify changing meltwater contributions to rivers."),
    ("Pollinator decline and crop yields in Europe",
     "Field surveys across 120 farms relate bee abundance to yields of oilseed rape."),
    ("Homework load and adolescent wellbeing",
     "A survey of 9,000 pupils relates hours of homework to self-reported wellbeing."),
    ("Bus rapid transit and commuting times",
     "Smart-card data measure how new bus lanes changed commuting times in three cities."),
    ("Tax rebates and household spending",
     "Card transaction data track spending after one-off tax rebates."),
    ("Wildfire smoke and cognitive test scores",
     "Test scores of 40,000 students are linked to smoke exposure on exam days."),
    ("Ocean heat content and hurricane intensification",
     "Reanalysis data relate upper-ocean heat to rapid intensification of storms."),
    ("Gene expression in ageing zebrafish hearts",
     "Single-cell sequencing profiles cardiac cells in young and old zebrafish."),
    ("Hand hygiene reminders and hospital infections",
     "A stepped-wedge trial introduced electronic reminders on 24 wards."),
    ("Electric scooters and urban injury rates",
     "Emergency records from 11 cities describe injuries after scooter schemes launched."),
    ("Music training and reading skills in children",
     "A randomised trial assigned 240 children to music lessons or sport."),
]  # fmt: skip


@dataclass
class Case:
    """One story and the work it cites."""

    key: str
    kinds: list[str]
    headline: str
    date: str
    text: str  # paragraphs; the claim is the sentence in [[ ]]
    target: Work
    rivals: list[str]  # titles of other studies on the same topic
    topic: str  # a sentence the rivals' abstracts share with the target
    outlet: str = "The Daily Courier"
    extra: list[Work] = field(default_factory=list)
    split: str = "dev"
    language: str = "en"  # the story's language; the cited work is indexed in English either way

    @property
    def body(self) -> str:
        return self.text.replace("[[", "").replace("]]", "")

    @property
    def claim(self) -> str:
        match = re.search(r"\[\[(.+?)\]\]", self.text, re.DOTALL)
        assert match, self.key
        return match.group(1)

    @property
    def published_on(self) -> dt.date:
        return dt.date.fromisoformat(self.date)


def _journal(name: str) -> tuple[list[str], bool]:
    for journal, issns, _, bio in JOURNALS:
        if journal == name:
            return issns, bio
    raise KeyError(name)


_pmid_counter = [31000000]


def W(
    doi: str,
    title: str,
    authors: str,
    venue: str,
    date: str,
    abstract: str,
    *,
    types: list[str] | None = None,
    retracted: bool = False,
    corrected: bool = False,
    biomedical: bool | None = None,
) -> Work:
    """A work: ``authors`` as "Given Family; Given Family", ``venue`` a journal or a preprint server."""
    people = []
    for person in authors.split(";"):
        words = person.split()
        # The family name is the last word with the particles before it ("Jan van der Berg").
        start = len(words) - 1
        while start > 1 and words[start - 1].islower():
            start -= 1
        people.append((" ".join(words[:start]), " ".join(words[start:])))
    year, month, day = (int(p) for p in date.split("-"))
    if venue in SERVERS:
        bio = SERVERS[venue] if biomedical is None else biomedical
        work = Work(
            doi=doi, title=title, authors=people, journal="", year=year, month=month, day=day, abstract=abstract,
            preprint_server=venue, publication_types=["Preprint"], crossref_type="posted-content",
            openalex_type="preprint", retracted=retracted, corrected=corrected,
        )  # fmt: skip
        work.pmid = ""
        return work
    issns, bio = _journal(venue)
    if biomedical is not None:
        bio = biomedical
    work = Work(
        doi=doi, title=title, authors=people, journal=venue, year=year, month=month, day=day, abstract=abstract,
        issns=issns, publication_types=types or ["Journal Article"], retracted=retracted, corrected=corrected,
    )  # fmt: skip
    if bio:
        _pmid_counter[0] += 7
        work.pmid = str(_pmid_counter[0])
    return work


CASES: list[Case] = [
    Case(
        "nejm-abbreviation-lead-author",
        ["journal_abbreviation", "lead_author", "apostrophe"],
        "Running halves heart attack risk, doctors say",
        "2023-04-12",
        "Regular runners may be protecting their hearts.\n\n"
        "[[Writing in NEJM, lead author Sean O'Brien and colleagues found fewer heart attacks among middle-aged "
        "people who ran at least twice a week.]] The team followed thousands of adults for a decade.\n\n"
        "Cardiologists welcomed the results.",
        W(
            "10.5555/nejm.2023.0412",
            "Recreational Running and Incident Myocardial Infarction in Middle Age",
            "Sean O'Brien; Laura Jensen; Kwame Mensah",
            "New England Journal of Medicine",
            "2023-03-30",
            "In this prospective cohort of 21,400 middle-aged adults, running twice weekly was associated with fewer "
            "myocardial infarctions and heart attacks over ten years of follow-up.",
            types=["Journal Article", "Observational Study"],
        ),
        ["Running and cardiovascular mortality in older adults", "Heart attacks among marathon runners"],
        "Running and heart attacks in adults were examined.",
    ),
    Case(
        "jama-full-name-month",
        ["journal_full_name", "month", "profession"],
        "Daily walks cut dementia risk",
        "2022-06-20",
        "Walking might be one of the best things you can do for your brain.\n\n"
        "[[In the March issue of the Journal of the American Medical Association, epidemiologist Mei Tanaka "
        "reported that adults who walked 9,000 steps a day had less dementia.]]\n\n"
        "She cautioned that the study could not prove cause and effect.",
        W(
            "10.5555/jama.2022.0301",
            "Daily Step Count and Incident Dementia Among Adults",
            "Mei Tanaka; Oliver Grant; Priya Raman",
            "JAMA",
            "2022-03-08",
            "This cohort study of 78,430 adults used wrist accelerometers; higher daily step counts were associated "
            "with lower incidence of dementia.",
        ),
        ["Step count and cognitive decline in older women", "Physical activity and dementia: a cohort study"],
        "Steps walked each day and dementia were measured.",
    ),
    Case(
        "bmj-short-form-hyphen",
        ["journal_short_form", "hyphen", "profession"],
        "Statins and strokes: new evidence",
        "2021-11-02",
        "A cheap pill may do more than lower cholesterol.\n\n"
        "[[In The BMJ, cardiologist Anna Smith-Jones reports that statins cut the risk of a second stroke by a "
        "quarter.]]\n\nThe findings come from hospital records in Scotland.",
        W(
            "10.5555/bmj.2021.1015",
            "Statin Therapy and Recurrent Stroke: Population Based Cohort Study",
            "Anna Smith-Jones; David Kowalski; Grace Mwangi",
            "The BMJ",
            "2021-10-20",
            "Population based cohort study of 34,200 stroke survivors in Scotland: statin therapy was associated with "
            "a 25% lower risk of recurrent stroke.",
            types=["Journal Article", "Observational Study"],
        ),
        ["Statins after ischaemic stroke in older patients", "Cholesterol lowering and recurrent stroke"],
        "Statins and recurrent stroke risk were assessed.",
    ),
    Case(
        "pnas-abbreviation-non-biomedical",
        ["journal_abbreviation", "non_biomedical", "institution"],
        "Why cities make us walk faster",
        "2020-09-15",
        "City dwellers really are in a hurry.\n\n"
        "[[Researchers at the University of Leeds report in PNAS that pedestrians in larger cities walk faster, "
        "according to footage from 40 cities.]]\n\nThe pattern held across continents.",
        W(
            "10.5555/pnas.2020.0911",
            "Urban Scaling of Pedestrian Walking Speed Across Forty Cities",
            "Peter Lindqvist; Wei Zhang; Hannah Fischer",
            "Proceedings of the National Academy of Sciences",
            "2020-08-31",
            "Using street footage from 40 cities we show that pedestrian walking speed scales with city population.",
            biomedical=False,
        ),
        ["Walking speed and urban density in Asia", "Pedestrian flows in large cities"],
        "Pedestrian walking speed in cities was measured.",
    ),
    Case(
        "medrxiv-preprint-filler",
        ["preprint_server", "filler_words", "outlet"],
        "Vaccinated people less likely to pass on virus",
        "2021-08-10",
        "New data offer hope.\n\n"
        "[[A preprint posted on medRxiv suggests that half as many vaccinated people passed the virus on to "
        "their households, as first reported in The Guardian.]]\n\nThe study has not yet been peer reviewed.",
        W(
            "10.1101/2021.07.28.21261234",
            "Household Transmission of SARS-CoV-2 From Vaccinated Index Cases",
            "Ingrid Halvorsen; Samuel Adeyemi; Eva Novak",
            "medRxiv",
            "2021-07-28",
            "Among 14,000 households, secondary transmission from vaccinated index cases was about half that from "
            "unvaccinated cases.",
        ),
        [
            "Vaccine effectiveness against household transmission in Norway",
            "SARS-CoV-2 transmission among household contacts of healthcare workers",
        ],
        "Household transmission of the virus after vaccination was estimated.",
    ),
    Case(
        "old-study-year",
        ["year", "old_study", "profession"],
        "The study that changed how we think about sleep",
        "2023-01-18",
        "Some studies age well.\n\n"
        "[[A 2006 study by psychologist Hannah Fischer showed that students who slept after learning remembered "
        "more word pairs.]]\n\nIt has been cited thousands of times since.",
        W(
            "10.5555/sleep.2006.0412",
            "Sleep After Learning Improves Retention of Word Pairs",
            "Hannah Fischer; Jonas Weber",
            "Journal of Sleep Research",
            "2006-04-12",
            "Students who slept after learning word pairs remembered more of them than students who stayed awake; 48 "
            "participants.",
        ),
        ["Sleep deprivation and memory for word lists", "Napping and memory consolidation in students"],
        "Sleep and memory for word pairs were tested in students.",
    ),
    Case(
        "lookup-journal-cephalalgia",
        ["journal_lookup", "mac_name", "profession"],
        "Headaches worse on Mondays, survey finds",
        "2022-10-03",
        "Weekend lie-ins may come at a price.\n\n"
        "[[The study, published in Cephalalgia Reports, a headache journal, was led by psychologist Fiona MacLeod, "
        "who found migraine attacks peaked on Mondays.]]\n\nShe asked patients to keep diaries.",
        W(
            "10.5555/cephrep.2022.0907",
            "Weekly Periodicity of Migraine Attacks in Headache Diaries",
            "Fiona MacLeod; Marco Bellini; Aisha Rahman",
            "Cephalalgia Reports",
            "2022-09-07",
            "Headache diaries of 1,208 patients with migraine showed a weekly periodicity: attacks peaked on Mondays.",
        ),
        ["Migraine attacks and weather changes", "Weekend headache in office workers"],
        "Migraine attack timing was recorded in diaries.",
    ),
    Case(
        "accent-co-author-economics",
        ["accent", "co_author", "non_biomedical", "journal_abbreviation"],
        "Did the minimum wage rise cost jobs?",
        "2019-05-22",
        "Economists disagree.\n\n"
        "[[José Álvarez, a co-author of the paper in the AER, said the minimum wage rises had no effect on "
        "restaurant employment.]]\n\nThe paper compares neighbouring counties.",
        W(
            "10.5555/aer.2019.0301",
            "Minimum Wages and Restaurant Employment: Evidence From Border Counties",
            "Isabel Moreno; José Álvarez; Lukas Brandt",
            "American Economic Review",
            "2019-03-01",
            "Comparing contiguous border counties, we find minimum wage increases had no effect on restaurant "
            "employment.",
        ),
        ["Minimum wage and employment in retail", "Restaurant prices after minimum wage increases"],
        "Minimum wage and restaurant employment were estimated.",
    ),
    Case(
        "particle-name-biorxiv-doi",
        ["particle", "preprint_server", "doi"],
        "Gut bacteria linked to mood",
        "2021-04-02",
        "The gut-brain axis is having a moment.\n\n"
        "[[Jan van der Berg, an epidemiologist at Erasmus University, posted the preprint on bioRxiv "
        "(doi:10.1101/2021.03.04.433000) showing gut bacteria altered mood in mice.]]\n\nHuman trials are planned.",
        W(
            "10.1101/2021.03.04.433000",
            "Gut Microbiota Transfer Alters Anxiety-Like Behaviour in Mice",
            "Jan van der Berg; Chloé Dubois",
            "bioRxiv",
            "2021-03-04",
            "Transfer of gut microbiota from stressed donors altered anxiety-like behaviour in mice.",
        ),
        ["Gut microbiota and depression in humans", "Microbiome transfer and behaviour in rats"],
        "Gut bacteria and mood in mice were studied.",
    ),
    Case(
        "pmid-in-text",
        ["pmid", "journal_short_form"],
        "Fasting diet shows promise for diabetes",
        "2020-02-14",
        "A diet of fasting days may help.\n\n"
        "[[The trial (PMID 31999999) in the Lancet randomised adults with type 2 diabetes to intermittent "
        "fasting.]]\n\nWeight loss was modest.",
        W(
            "10.5555/lancet.2020.0102",
            "Intermittent Fasting Versus Continuous Energy Restriction in Type 2 Diabetes",
            "Rahul Mehta; Elena Popescu; Tomás Ferreira",
            "The Lancet",
            "2020-01-02",
            "In this randomised controlled trial, 212 adults with type 2 diabetes were randomly assigned to "
            "intermittent fasting or continuous energy restriction.",
            types=["Journal Article", "Randomized Controlled Trial"],
        ),
        ["Intermittent fasting and weight loss in obesity", "Meal timing in type 2 diabetes"],
        "Intermittent fasting in type 2 diabetes was compared.",
    ),
    Case(
        "doi-link-corrected",
        ["doi_link", "corrected"],
        "Loneliness as harmful as smoking?",
        "2022-12-01",
        "The claim is often repeated.\n\n"
        "[[The figure comes from a study of older adults (https://doi.org/10.5555/ageing.2021.0707) that linked "
        "loneliness to early death.]]\n\nThe journal later corrected a table.",
        W(
            "10.5555/ageing.2021.0707",
            "Loneliness and Mortality Among Older Adults",
            "Samuel Adeyemi; Nadia Petrova",
            "Age and Ageing",
            "2021-07-07",
            "Among 11,000 older adults, loneliness was associated with higher mortality over eight years.",
            corrected=True,
        ),
        ["Social isolation and mortality in men", "Loneliness and cardiovascular disease"],
        "Loneliness and mortality were examined in older adults.",
    ),
    Case(
        "retracted-cited",
        ["retracted", "journal_full_name", "year"],
        "Chocolate and weight loss: the study that fooled everyone",
        "2018-03-03",
        "A cautionary tale.\n\n"
        "[[A 2015 study in PLOS ONE claimed that eating chocolate every day helped people lose weight faster.]] "
        "The paper was later retracted.\n\nScience writers still discuss it.",
        W(
            "10.5555/pone.2015.0330",
            "Daily Dark Chocolate Consumption Accelerates Weight Loss",
            "Lukas Brandt; Sofia Marchetti",
            "PLOS ONE",
            "2015-03-30",
            "Sixteen participants eating dark chocolate daily lost weight faster than controls.",
            retracted=True,
        ),
        ["Cocoa flavanols and body weight", "Chocolate intake and body mass index"],
        "Chocolate consumption and weight loss were compared.",
    ),
    Case(
        "nature-non-biomedical-year",
        ["non_biomedical", "year", "institution"],
        "Glaciers melting faster than thought",
        "2021-05-05",
        "The ice is going.\n\n"
        "[[A 2021 paper in Nature by a team at ETH Zurich found that glaciers lost 267 gigatonnes of ice a year "
        "over two decades.]]\n\nThe loss is accelerating.",
        W(
            "10.5555/nature.2021.0428",
            "Accelerated Global Glacier Mass Loss in the Early Twenty-First Century",
            "Marco Bellini; Ingrid Halvorsen; Hiroshi Sato",
            "Nature",
            "2021-04-28",
            "Satellite elevation data show glaciers lost 267 gigatonnes of ice per year, with mass loss accelerating.",
            biomedical=False,
        ),
        ["Glacier mass balance in the Alps", "Ice loss in Greenland outlet glaciers"],
        "Glacier mass loss was estimated from satellites.",
    ),
    Case(
        "arxiv-physics",
        ["preprint_server", "non_biomedical", "profession"],
        "A new state of matter?",
        "2023-08-01",
        "Physicists are excited.\n\n"
        "[[Physicist Kwame Mensah and colleagues posted a paper on arXiv describing superconductivity in a "
        "layered nickelate at room pressure.]]\n\nOthers are trying to reproduce it.",
        W(
            "10.48550/arxiv.2307.11234",
            "Superconductivity in a Layered Nickelate at Ambient Pressure",
            "Kwame Mensah; Wei Zhang; Priya Raman",
            "arXiv",
            "2023-07-20",
            "Resistance and magnetisation measurements reveal superconductivity in a layered nickelate at ambient "
            "pressure.",
        ),
        ["Superconductivity in nickelates under high pressure", "Layered cuprate superconductors"],
        "Superconductivity in a layered nickelate was measured.",
    ),
    Case(
        "ssrn-economics-lowercase",
        ["preprint_server", "non_biomedical", "lowercase"],
        "remote work and productivity",
        "2022-02-10",
        "working from home is here to stay.\n\n"
        "[[a working paper on SSRN by economist Ravi Iyer found that call-centre staff working from home were 13% "
        "more productive.]]\n\nthe firm later extended the scheme.",
        W(
            "10.2139/ssrn.2022.0104",
            "Working From Home and Productivity: Evidence From a Call Centre",
            "Ravi Iyer; Camille Laurent",
            "SSRN",
            "2022-01-04",
            "Call-centre staff randomly assigned to working from home were 13% more productive.",
        ),
        ["Remote work and employee wellbeing", "Productivity of hybrid teams"],
        "Working from home and productivity were measured.",
    ),
    Case(
        "science-abbrev-climate",
        ["non_biomedical", "journal_short_form", "profession"],
        "Forests storing less carbon",
        "2020-03-20",
        "Trees may not save us.\n\n"
        "[[Ecologist Grace Mwangi writes in Science that tropical forests are absorbing less carbon than in the "
        "1990s.]]\n\nDrought is to blame.",
        W(
            "10.5555/science.2020.0304",
            "Declining Carbon Sink in Intact Tropical Forests",
            "Grace Mwangi; Tomás Ferreira; Jonas Weber",
            "Science",
            "2020-03-04",
            "Plot data show the carbon sink of intact tropical forests has declined since the 1990s.",
            biomedical=False,
        ),
        ["Carbon uptake in boreal forests", "Tropical forest carbon and drought"],
        "Carbon uptake by tropical forests was tracked.",
    ),
    Case(
        "meta-analysis-cochrane-style",
        ["journal_full_name", "filler_words"],
        "Exercise as good as pills for depression?",
        "2024-02-15",
        "Get moving.\n\n"
        "[[A review of trials across many countries, published in The BMJ, suggests that walking and jogging "
        "were likely as effective as psychotherapy for depression.]]\n\nThe authors pooled 218 trials.",
        W(
            "10.5555/bmj.2024.0214",
            "Exercise for Depression: Systematic Review and Network Meta-Analysis",
            "Eva Novak; Rahul Mehta; Oliver Grant",
            "The BMJ",
            "2024-02-01",
            "Systematic review and network meta-analysis of 218 randomised trials: walking, jogging and yoga reduced "
            "depression.",
            types=["Journal Article", "Systematic Review", "Meta-Analysis"],
        ),
        ["Yoga for anxiety: a meta-analysis", "Psychotherapy versus drugs for depression"],
        "Exercise for depression was compared across trials.",
    ),
    Case(
        "lowercase-journal-name",
        ["lowercase", "journal_full_name"],
        "Teens who skip breakfast",
        "2019-09-09",
        "Breakfast matters.\n\n"
        "[[according to research in the journal pediatrics, teenagers who skipped breakfast had poorer grades.]]\n\n"
        "The survey covered schools in Spain.",
        W(
            "10.5555/peds.2019.0801",
            "Breakfast Skipping and Academic Performance in Adolescents",
            "Isabel Moreno; Tomás Ferreira",
            "Pediatrics",
            "2019-08-01",
            "A survey of 4,500 adolescents associated breakfast skipping with lower school grades.",
        ),
        ["Breakfast and obesity in children", "Sleep and grades in teenagers"],
        "Breakfast skipping and grades were surveyed.",
    ),
    Case(
        "institution-only-topic",
        ["institution", "filler_words"],
        "Ultra-processed food and early death",
        "2023-06-01",
        "What we eat matters.\n\n"
        "[[Scientists at Imperial College found that people who ate the most ultra-processed food were more "
        "likely to die early, across a cohort of 200,000 adults.]]\n\nThe paper appeared in the BMJ.",
        W(
            "10.5555/bmj.2023.0512",
            "Ultra-Processed Food Consumption and All-Cause Mortality: Cohort Study",
            "Aisha Rahman; Peter Lindqvist",
            "The BMJ",
            "2023-05-12",
            "In a cohort of 200,000 adults, the highest intake of ultra-processed food was associated with higher "
            "all-cause mortality.",
            types=["Journal Article", "Observational Study"],
        ),
        ["Ultra-processed food and cancer incidence", "Processed meat and mortality"],
        "Ultra-processed food intake and mortality were examined.",
    ),
    Case(
        "professor-title-mcdonald",
        ["mac_name", "profession", "journal_full_name"],
        "Alcohol and the liver: new warning",
        "2022-04-04",
        "Moderation may not be enough.\n\n"
        "[[Professor Ewan McDonald told us his team's study in the Journal of Hepatology found liver stiffness rose "
        "even with moderate drinking.]]\n\nThe team scanned volunteers.",
        W(
            "10.5555/jhep.2022.0310",
            "Moderate Alcohol Intake and Liver Stiffness in the General Population",
            "Ewan McDonald; Fatima Haddad",
            "Journal of Hepatology",
            "2022-03-10",
            "Elastography in 6,200 volunteers: liver stiffness increased even with moderate alcohol intake.",
        ),
        ["Alcohol and fatty liver disease", "Liver stiffness in heavy drinkers"],
        "Alcohol intake and liver stiffness were measured.",
    ),
    Case(
        "lead-author-comma-form",
        ["lead_author", "journal_full_name", "accent"],
        "Noise from roads raises blood pressure",
        "2021-09-30",
        "Traffic is bad for more than your mood.\n\n"
        "[[The study's lead author, Chloé Dubois, said road noise at night raised blood pressure in the European "
        "Heart Journal paper.]]\n\nParticipants wore monitors.",
        W(
            "10.5555/ehj.2021.0915",
            "Night-Time Road Traffic Noise and Blood Pressure",
            "Chloé Dubois; Jonas Weber; Laura Jensen",
            "European Heart Journal",
            "2021-09-15",
            "Night-time road traffic noise exposure was associated with higher blood pressure in 3,400 adults.",
        ),
        ["Aircraft noise and hypertension", "Road noise and sleep quality"],
        "Road noise and blood pressure were measured.",
    ),
    Case(
        "year-in-claim-window",
        ["year", "journal_full_name"],
        "Screens before bed harm sleep",
        "2024-05-10",
        "Put the phone down.\n\n"
        "[[A study published in 2019 in Sleep Health found that teenagers who used screens before bed slept an "
        "hour less.]]\n\nThe researchers used actigraphy.",
        W(
            "10.5555/sleephealth.2019.0612",
            "Bedtime Screen Use and Sleep Duration in Adolescents",
            "Laura Jensen; Yusuf Demir",
            "Sleep Health",
            "2019-06-12",
            "Actigraphy in 620 adolescents showed bedtime screen use shortened sleep by an hour.",
        ),
        ["Screen use and sleep in young children", "Smartphones and insomnia in adults"],
        "Bedtime screen use and sleep duration were measured.",
    ),
    Case(
        "outlet-not-journal",
        ["outlet", "lead_author"],
        "Birds are shrinking",
        "2020-01-20",
        "Warming is changing animals.\n\n"
        "[[As first reported in The New York Times, a study led by Yusuf Demir found that migratory birds have "
        "become smaller over four decades.]]\n\nThe birds were collected after hitting buildings.",
        W(
            "10.5555/ecolett.2019.1204",
            "Shrinking Body Size of Migratory Birds Over Four Decades",
            "Yusuf Demir; Grace Mwangi",
            "Ecology Letters",
            "2019-12-04",
            "Measurements of 70,000 migratory birds collected over four decades show declining body size.",
            biomedical=False,
        ),
        ["Body size of songbirds and temperature", "Migration timing and climate"],
        "Body size of migratory birds was measured.",
    ),
    Case(
        "psychological-science-ampersand",
        ["non_biomedical", "journal_full_name", "lead_author"],
        "Do smartphones make us lazy thinkers?",
        "2018-07-07",
        "Outsourcing memory.\n\n"
        "[[In Psychological Science, first author Nadia Petrova reports that merely having a phone on the desk "
        "reduced working memory.]]\n\nThe phones were switched off.",
        W(
            "10.5555/psysci.2018.0601",
            "The Mere Presence of a Smartphone Reduces Working Memory Capacity",
            "Nadia Petrova; Oliver Grant",
            "Psychological Science",
            "2018-06-01",
            "In two experiments with 520 students, the mere presence of a smartphone reduced working memory capacity.",
        ),
        ["Smartphone notifications and attention", "Working memory in heavy media multitaskers"],
        "Smartphone presence and working memory were tested.",
    ),
    Case(
        "qje-urban-economics",
        ["non_biomedical", "journal_abbreviation", "profession"],
        "Rent control and housing supply",
        "2020-10-10",
        "Rent control remains controversial.\n\n"
        "[[A study in the QJE by economist Lukas Brandt found rent control cut the supply of rental housing by 15% "
        "in San Francisco.]]\n\nLandlords converted flats to condominiums.",
        W(
            "10.5555/qje.2020.0801",
            "Rent Control, Rental Housing Supply and Redevelopment",
            "Lukas Brandt; Isabel Moreno",
            "The Quarterly Journal of Economics",
            "2020-08-01",
            "Expanding rent control in San Francisco reduced rental housing supply by 15%.",
        ),
        ["Rent control and tenant mobility", "Housing supply elasticity in US cities"],
        "Rent control and rental housing supply were estimated.",
    ),
    Case(
        "rct-randomised-nature-medicine",
        ["journal_full_name", "filler_words", "institution"],
        "Psilocybin eases depression in trial",
        "2022-11-15",
        "Psychedelics are back.\n\n"
        "[[A trial run by King's College London and reported in Nature Medicine found that fewer patients given "
        "psilocybin remained depressed after six weeks.]]\n\nThe trial compared three doses.",
        W(
            "10.5555/natmed.2022.1102",
            "Single-Dose Psilocybin for Treatment-Resistant Depression: A Randomised Trial",
            "Jonas Weber; Priya Raman; Samuel Adeyemi",
            "Nature Medicine",
            "2022-11-02",
            "In this randomised, double-blind trial, 233 patients with depression received psilocybin; fewer remained "
            "depressed at six weeks.",
            types=["Journal Article", "Randomized Controlled Trial"],
        ),
        ["Psilocybin versus escitalopram for depression", "Ketamine for treatment-resistant depression"],
        "Psilocybin for depression was tested.",
    ),
    Case(
        "case-report-overclaim",
        ["journal_full_name", "profession"],
        "Man cured of allergy by tapeworm",
        "2019-04-04",
        "A strange story.\n\n"
        "[[Dermatologist Camille Laurent describes in the journal Gut how a patient's allergy vanished after a "
        "tapeworm infection.]]\n\nDon't try this at home.",
        W(
            "10.5555/gut.2019.0321",
            "Remission of Food Allergy After Tapeworm Infection: A Case Report",
            "Camille Laurent; Hiroshi Sato",
            "Gut",
            "2019-03-21",
            "We report a case of a patient whose food allergy remitted after a tapeworm infection.",
            types=["Journal Article", "Case Reports"],
        ),
        ["Helminth therapy for inflammatory bowel disease", "Parasites and allergy in children"],
        "Tapeworm infection and allergy were described.",
    ),
    Case(
        "no-journal-researcher-only",
        ["profession", "particle"],
        "Bilingual children better at switching tasks",
        "2018-10-10",
        "Two languages, one brain.\n\n"
        "[[According to psychologist Ana de la Cruz, bilingual children were faster at switching between tasks in "
        "her experiments.]]\n\nShe tested children in Madrid.",
        W(
            "10.5555/psysci.2018.0901",
            "Bilingual Advantage in Task Switching Among Children",
            "Ana de la Cruz; Tomás Ferreira",
            "Psychological Science",
            "2018-09-01",
            "Bilingual children in Madrid were faster than monolingual peers at task switching; 180 children.",
        ),
        ["Bilingualism and executive function in adults", "Task switching in older adults"],
        "Bilingual children and task switching were tested.",
    ),
    Case(
        "prl-abbreviation",
        ["journal_abbreviation", "non_biomedical"],
        "Neutrinos weigh less than thought",
        "2022-03-03",
        "The lightest particles just got lighter.\n\n"
        "[[Results published in PRL put the upper limit on the neutrino mass at 0.8 electronvolts.]]\n\n"
        "The measurement used tritium decay.",
        W(
            "10.5555/prl.2022.0214",
            "Direct Neutrino-Mass Measurement With Sub-Electronvolt Sensitivity",
            "Hiroshi Sato; Eva Novak; Marco Bellini",
            "Physical Review Letters",
            "2022-02-14",
            "Tritium beta decay spectra set an upper limit of 0.8 electronvolts on the neutrino mass.",
        ),
        ["Neutrino oscillation parameters", "Tritium decay spectroscopy"],
        "Neutrino mass limits were measured from tritium decay.",
    ),
    Case(
        "grl-lookup-not-in-table",
        ["journal_lookup", "non_biomedical"],
        "Sea ice and extreme winters",
        "2021-02-02",
        "Cold snaps in a warming world.\n\n"
        "[[The study, published in Geophysical Research Letters, links the loss of Arctic sea ice to colder "
        "winters in Siberia.]]\n\nNot everyone agrees.",
        W(
            "10.5555/grl.2021.0115",
            "Arctic Sea Ice Loss and Cold Siberian Winters",
            "Peter Lindqvist; Nadia Petrova",
            "Geophysical Research Letters",
            "2021-01-15",
            "Model experiments link Arctic sea ice loss to colder winters in Siberia.",
            biomedical=False,
        ),
        ["Arctic amplification and the jet stream", "Sea ice and European heatwaves"],
        "Arctic sea ice and winter temperatures were modelled.",
    ),
    Case(
        "transport-geography-lookup",
        ["journal_lookup", "non_biomedical", "institution"],
        "Cycle lanes boost local shops",
        "2023-09-09",
        "Good news for shopkeepers.\n\n"
        "[[Researchers from the University of Toronto, writing in the Journal of Transport Geography, found that "
        "new cycle lanes increased spending at local shops.]]\n\nCar parking was reduced.",
        W(
            "10.5555/jtg.2023.0801",
            "Cycle Lanes and Retail Spending on Commercial Streets",
            "Wei Zhang; Laura Jensen",
            "Journal of Transport Geography",
            "2023-08-01",
            "Card spending data show new cycle lanes increased spending at shops on commercial streets.",
            biomedical=False,
        ),
        ["Cycle lanes and road safety", "Parking removal and retail"],
        "Cycle lanes and shop spending were compared.",
    ),
    Case(
        "computers-education-ampersand",
        ["journal_lookup", "non_biomedical", "filler_words"],
        "Laptops in lectures lower grades",
        "2019-11-11",
        "Put the laptop away.\n\n"
        "[[A study in Computers & Education suggests students who took notes on laptops likely scored lower "
        "across exams.]]\n\nThe effect was larger for multitaskers.",
        W(
            "10.5555/compedu.2019.1001",
            "Laptop Note-Taking and Exam Performance in Lectures",
            "Oliver Grant; Aisha Rahman",
            "Computers & Education",
            "2019-10-01",
            "Students who took notes on laptops scored lower on exams than those writing by hand.",
            biomedical=False,
        ),
        ["Tablet use and reading comprehension", "Lecture capture and attendance"],
        "Laptop note-taking and exam scores were compared.",
    ),
    Case(
        "addiction-journal-short",
        ["journal_full_name", "profession", "apostrophe"],
        "Vaping helps smokers quit",
        "2023-12-12",
        "E-cigarettes divide opinion.\n\n"
        "[[Psychologist Siobhan O'Neill's team reported in Addiction that smokers given e-cigarettes were twice "
        "as likely to quit.]]\n\nThe trial ran in stop-smoking clinics.",
        W(
            "10.5555/addiction.2023.1101",
            "E-Cigarettes for Smoking Cessation in Stop-Smoking Services",
            "Siobhan O'Neill; Kwame Mensah",
            "Addiction",
            "2023-11-01",
            "In this randomised trial of 1,100 smokers, those randomly assigned to e-cigarettes were twice as likely "
            "to quit.",
            types=["Journal Article", "Randomized Controlled Trial"],
        ),
        ["Nicotine patches and smoking cessation", "Vaping among teenagers"],
        "E-cigarettes for quitting smoking were tested.",
    ),
    Case(
        "diabetes-care-month",
        ["month", "journal_full_name", "filler_words"],
        "Night shifts and diabetes",
        "2022-09-01",
        "Shift workers face extra risks.\n\n"
        "[[In its July issue, Diabetes Care reports that nurses working night shifts were more likely to develop "
        "type 2 diabetes.]]\n\nThe cohort spanned 20 years.",
        W(
            "10.5555/diacare.2022.0705",
            "Rotating Night Shift Work and Type 2 Diabetes in Nurses",
            "Elena Popescu; Fatima Haddad",
            "Diabetes Care",
            "2022-07-05",
            "Among 143,000 nurses, rotating night shift work was associated with higher risk of type 2 diabetes.",
        ),
        ["Shift work and obesity", "Sleep duration and diabetes in nurses"],
        "Night shift work and type 2 diabetes were examined.",
    ),
    Case(
        "circulation-said-pattern",
        ["journal_full_name", "accent", "year"],
        "Saunas good for the heart",
        "2018-02-22",
        "The Finns may be onto something.\n\n"
        "[[Frequent sauna bathing was linked to fewer heart deaths, said Jöran Lindström of the 2017 study in "
        "Circulation.]]\n\nMen who went four times a week benefited most.",
        W(
            "10.5555/circ.2017.0910",
            "Sauna Bathing and Fatal Cardiovascular Events in Men",
            "Jöran Lindström; Eva Novak",
            "Circulation",
            "2017-09-10",
            "Frequent sauna bathing was associated with fewer fatal cardiovascular events among 2,300 men.",
        ),
        ["Sauna bathing and dementia", "Hot baths and blood pressure"],
        "Sauna bathing and heart deaths were examined.",
    ),
    Case(
        "urban-economics-lookup-year",
        ["journal_lookup", "non_biomedical", "year"],
        "Stadiums do not boost local economies",
        "2024-03-03",
        "Cities keep paying for them anyway.\n\n"
        "[[A 2022 study in the Journal of Urban Economics found new stadiums did not raise local incomes.]]\n\n"
        "The authors looked at 30 cities.",
        W(
            "10.5555/jue.2022.0606",
            "Sports Stadiums and Local Income Growth",
            "David Kowalski; Ravi Iyer",
            "Journal of Urban Economics",
            "2022-06-06",
            "Across 30 cities, new sports stadiums did not raise local income growth.",
            biomedical=False,
        ),
        ["Stadium subsidies and property values", "Olympic Games and tourism"],
        "Stadiums and local incomes were estimated.",
    ),
    Case(
        "social-science-medicine",
        ["journal_full_name", "filler_words", "lead_author"],
        "Green spaces and mental health",
        "2021-06-06",
        "Parks matter.\n\n"
        "[[Lead researcher Amara Okafor found that people living near green spaces were less likely to be "
        "prescribed antidepressants, in Social Science & Medicine.]]\n\nThe study used prescription data.",
        W(
            "10.5555/socscimed.2021.0501",
            "Residential Green Space and Antidepressant Prescriptions",
            "Amara Okafor; Hannah Fischer",
            "Social Science & Medicine",
            "2021-05-01",
            "Residential proximity to green space was associated with fewer antidepressant prescriptions in 42,000 "
            "adults.",
        ),
        ["Green space and physical activity", "Urban trees and heat stress"],
        "Green space and antidepressant prescriptions were examined.",
    ),
    Case(
        "jama-psychiatry-seed-like",
        ["journal_full_name", "institution", "profession"],
        "Magic mushrooms and anxiety",
        "2023-05-05",
        "Another psychedelic study.\n\n"
        "[[The results, published in the journal JAMA Psychiatry, suggest psilocybin reduced anxiety in patients "
        "with cancer, said Rahul Mehta, a psychiatrist at Yale.]]\n\nThe trial was small.",
        W(
            "10.5555/jamapsy.2023.0419",
            "Psilocybin for Anxiety in Patients With Cancer: A Randomized Clinical Trial",
            "Rahul Mehta; Grace Mwangi",
            "JAMA Psychiatry",
            "2023-04-19",
            "In this randomized clinical trial, 30 patients with cancer received psilocybin or placebo; anxiety fell.",
            types=["Journal Article", "Randomized Controlled Trial"],
        ),
        ["Psilocybin for alcohol use disorder", "Anxiety in patients with cancer: a cohort study"],
        "Psilocybin and anxiety in cancer were studied.",
    ),
    Case(
        "pnas-full-name",
        ["journal_full_name", "profession", "hyphen"],
        "Why we trust faces",
        "2019-12-12",
        "First impressions count.\n\n"
        "[[In the Proceedings of the National Academy of Sciences, neuroscientist Jean-Luc Moreau reports that "
        "people judge trustworthiness from a face in a tenth of a second.]]\n\nThe brain responds before we know it.",
        W(
            "10.5555/pnas.2019.1120",
            "Rapid Neural Judgements of Facial Trustworthiness",
            "Jean-Luc Moreau; Mei Tanaka",
            "Proceedings of the National Academy of Sciences",
            "2019-11-20",
            "Brain recordings show people judge facial trustworthiness within 100 milliseconds.",
        ),
        ["Facial attractiveness and hiring", "Trust games and oxytocin"],
        "Judgements of facial trustworthiness were recorded.",
    ),
    Case(
        "psyarxiv-preprint",
        ["preprint_server", "non_biomedical", "filler_words"],
        "Social media and teen anxiety",
        "2024-01-01",
        "The debate continues.\n\n"
        "[[A preprint on PsyArXiv suggests teenagers who spent fewer hours on social media were likely less "
        "anxious.]]\n\nIt has not been peer reviewed.",
        W(
            "10.31234/osf.io/abc12",
            "Social Media Hours and Anxiety Among Teenagers",
            "Yusuf Demir; Amara Okafor",
            "PsyArXiv",
            "2023-12-01",
            "Survey data from 7,000 teenagers link social media hours to anxiety.",
        ),
        ["Social media and sleep in teenagers", "Instagram use and body image"],
        "Social media use and teen anxiety were surveyed.",
    ),
    Case(
        "hepatology-retracted-namesake",
        ["retracted", "journal_full_name", "lead_author"],
        "Coffee protects the liver",
        "2020-07-07",
        "Good news for coffee drinkers.\n\n"
        "[[Lead author Fatima Haddad reports in the Journal of Hepatology that three cups of coffee a day halved "
        "the risk of liver cirrhosis.]]\n\nThe cohort was large.",
        W(
            "10.5555/jhep.2020.0601",
            "Coffee Consumption and Risk of Liver Cirrhosis",
            "Fatima Haddad; Lukas Brandt",
            "Journal of Hepatology",
            "2020-06-01",
            "In a cohort of 430,000 adults, three cups of coffee a day were associated with half the risk of "
            "cirrhosis.",
        ),
        ["Coffee and liver cancer", "Caffeine and fatty liver"],
        "Coffee consumption and liver cirrhosis were examined.",
        extra=[
            W(
                "10.5555/jhep.2020.0699",
                "Coffee Consumption and Risk of Liver Cirrhosis in Men",
                "Marco Bellini; Eva Novak",
                "Journal of Hepatology",
                "2020-06-20",
                "Coffee drinking and cirrhosis among 900 men.",
                retracted=True,
            ),
        ],
    ),
    Case(
        "lancet-correction-notice",
        ["journal_short_form", "corrected", "year"],
        "Sugar tax works",
        "2022-08-08",
        "A tax that changed shopping baskets.\n\n"
        "[[A 2021 analysis in The Lancet found the sugar tax cut the sugar in soft drinks by a third.]]\n\n"
        "Manufacturers reformulated their drinks.",
        W(
            "10.5555/lancet.2021.0303",
            "Soft Drinks Industry Levy and Sugar Content of Drinks",
            "Oliver Grant; Priya Raman",
            "The Lancet",
            "2021-03-03",
            "An interrupted time series shows the soft drinks levy cut the sugar content of drinks by a third.",
            corrected=True,
        ),
        ["Sugar taxes and childhood obesity", "Soft drink prices after taxation"],
        "The sugar tax and soft drinks were examined.",
        extra=[
            W(
                "10.5555/lancet.2021.0303c",
                "Correction to Soft Drinks Industry Levy and Sugar Content of Drinks",
                "Oliver Grant; Priya Raman",
                "The Lancet",
                "2021-06-01",
                "",
                types=["Published Erratum"],
            ),
        ],
    ),
]
# Written after the ranking was tuned on the cases above and never tuned against: all held out.
LATER: list[Case] = [
    Case(
        "same-author-two-papers-year",
        ["year", "profession", "journal_full_name"],
        "The nap that makes you smarter",
        "2024-04-04",
        "Siestas are back in fashion.\n\n"
        "[[In a 2020 paper in the Journal of Sleep Research, psychologist Hannah Fischer found that a 20-minute "
        "nap improved recall of faces.]]\n\nShe has studied sleep for two decades.",
        W(
            "10.5555/jsr.2020.0315",
            "Brief Daytime Naps Improve Recall of Faces",
            "Hannah Fischer; Marco Bellini",
            "Journal of Sleep Research",
            "2020-03-15",
            "Forty participants who took a 20-minute nap recalled more faces than those who stayed awake.",
        ),
        ["Daytime naps and recall of words", "Napping and face memory in older adults"],
        "Naps and memory recall were tested.",
        extra=[
            W(
                "10.5555/jsr.2023.0210",
                "Daytime Naps and Recall of Faces and Names",
                "Hannah Fischer; Jonas Weber",
                "Journal of Sleep Research",
                "2023-02-10",
                "Participants who napped recalled faces and names better; 64 participants.",
            ),
        ],
    ),
    Case(
        "co-author-not-first",
        ["co_author", "profession"],
        "Pets lower stress in students",
        "2023-10-10",
        "Therapy dogs on campus.\n\n"
        "[[Co-author Kwame Mensah, a psychologist, said students who stroked a dog for ten minutes had lower "
        "cortisol.]]\n\nThe university now hosts puppy days.",
        W(
            "10.5555/pone.2023.0901",
            "Ten Minutes of Petting a Dog Lowers Cortisol in Students",
            "Laura Jensen; Kwame Mensah",
            "PLOS ONE",
            "2023-09-01",
            "In this randomised trial, 249 students randomly assigned to pet a dog had lower cortisol.",
            types=["Journal Article", "Randomized Controlled Trial"],
        ),
        ["Dogs and stress in hospital patients", "Cortisol and exam stress"],
        "Petting dogs and cortisol in students were measured.",
        extra=[
            W(
                "10.5555/eval.pets.mensah-first",
                "Therapy Dogs and Student Anxiety Before Exams",
                "Kwame Mensah; Amara Okafor",
                "Social Science & Medicine",
                "2022-11-11",
                "Students visiting therapy dogs before exams reported less anxiety.",
            ),
        ],
    ),
    Case(
        "topic-only-no-cues",
        ["filler_words"],
        "Cold water swimming and mood",
        "2022-02-02",
        "Brave the cold.\n\n"
        "[[Research suggests that people who swam in cold water every week felt less anxious and slept better "
        "than those who swam in heated pools.]]\n\nSwimmers should take care.",
        W(
            "10.5555/pone.2021.1212",
            "Weekly Cold Water Swimming, Anxiety and Sleep Compared With Heated Pools",
            "Eva Novak; Grace Mwangi",
            "PLOS ONE",
            "2021-12-12",
            "Weekly cold water swimmers reported less anxiety and better sleep than heated pool swimmers; 300 "
            "participants.",
        ),
        ["Cold water immersion and inflammation", "Open water swimming and depression"],
        "Swimming and anxiety were surveyed.",
    ),
    Case(
        "preprint-and-published-version",
        ["preprint_server", "lead_author"],
        "Long Covid and the brain",
        "2022-05-05",
        "Worrying signs.\n\n"
        "[[A preprint on medRxiv led by Tomás Ferreira found grey matter shrank in people after mild Covid-19 "
        "infection.]]\n\nThe study compared scans before and after infection.",
        W(
            "10.1101/2022.04.01.22273000",
            "Grey Matter Loss After Mild COVID-19 Infection: A Brain Imaging Study",
            "Tomás Ferreira; Nadia Petrova",
            "medRxiv",
            "2022-04-01",
            "Brain scans of 785 participants before and after mild COVID-19 infection showed grey matter loss.",
        ),
        ["Cognitive decline after COVID-19 in older adults", "Smell loss and brain imaging after infection"],
        "Brain imaging after COVID-19 infection was analysed.",
        extra=[
            W(
                "10.5555/nature.2022.0707",
                "Grey Matter Loss After Mild COVID-19 Infection",
                "Tomás Ferreira; Nadia Petrova",
                "Nature",
                "2022-07-07",
                "Brain scans of 785 participants before and after mild COVID-19 infection showed grey matter loss.",
                biomedical=True,
            ),
        ],
    ),
    Case(
        "science-word-not-journal",
        ["journal_short_form", "lowercase"],
        "What science says about cold showers",
        "2021-01-01",
        "Science has looked at the morning ritual.\n\n"
        "[[The science is clear, says a trial in PLOS ONE: people who ended their shower with cold water took "
        "fewer sick days.]]\n\nThe trial was run in the Netherlands.",
        W(
            "10.5555/pone.2016.0915",
            "The Effect of Cold Showering on Health and Work: A Randomized Controlled Trial",
            "Peter Lindqvist; Chloé Dubois",
            "PLOS ONE",
            "2016-09-15",
            "In this randomized controlled trial, 3,018 participants who ended showers with cold water took fewer "
            "sick days.",
            types=["Journal Article", "Randomized Controlled Trial"],
        ),
        ["Cold exposure and immune function", "Sauna and sick leave"],
        "Cold showers and sickness absence were measured.",
    ),
    Case(
        "dr-title-accent-apostrophe",
        ["accent", "apostrophe", "journal_full_name"],
        "Red meat and bowel cancer",
        "2020-11-20",
        "Go easy on the bacon.\n\n"
        "[[Dr Siân O'Connor told the paper that eating processed meat every day raised bowel cancer risk, in "
        "research published in Gut.]]\n\nShe analysed data from half a million adults.",
        W(
            "10.5555/gut.2020.1001",
            "Processed Meat Intake and Colorectal Cancer Risk",
            "Siân O'Connor; Rahul Mehta",
            "Gut",
            "2020-10-01",
            "In 475,000 adults, daily processed meat intake was associated with higher colorectal and bowel cancer "
            "risk.",
        ),
        ["Red meat and breast cancer", "Fibre intake and bowel cancer"],
        "Processed meat and bowel cancer risk were examined.",
    ),
    Case(
        "old-and-new-years",
        ["year", "old_study", "journal_short_form"],
        "The marshmallow test, revisited",
        "2024-06-06",
        "Self-control in childhood.\n\n"
        "[[A 1990 study in Science linked preschoolers' delay of gratification to later achievement, a claim a "
        "2018 replication weakened.]]\n\nThe debate is not settled.",
        W(
            "10.5555/science.1990.0101",
            "Predicting Adolescent Competence From Preschool Delay of Gratification",
            "Ingrid Halvorsen; David Kowalski",
            "Science",
            "1990-01-01",
            "Preschool delay of gratification predicted adolescent achievement and competence.",
            biomedical=False,
        ),
        ["Delay of gratification and socioeconomic status", "Self-control in childhood and adult health"],
        "Delay of gratification in preschoolers was studied.",
    ),
    Case(
        "title-quoted",
        ["journal_lookup", "non_biomedical"],
        "Why traffic jams appear from nowhere",
        "2019-03-03",
        "Phantom jams explained.\n\n"
        "[[The paper, titled \u201cStop-and-go waves without bottlenecks\u201d and published in Physical "
        "Review Letters, shows jams can form on an empty ring road.]]\n\nDrivers were asked to keep a steady "
        "speed.",
        W(
            "10.5555/prl.2019.0202",
            "Stop-and-Go Waves Without Bottlenecks on a Ring Road",
            "Wei Zhang; Hiroshi Sato",
            "Physical Review Letters",
            "2019-02-02",
            "Experiments with cars on a ring road show stop-and-go waves form without bottlenecks.",
        ),
        ["Traffic flow on motorways", "Autonomous vehicles and traffic waves"],
        "Traffic waves on roads were observed.",
    ),
]
for _case in LATER:
    _case.split = "held_out"


def _notice(work: Work) -> None:
    if work.title.startswith("Correction to"):
        work.notice_of = work.doi.removesuffix("c")
        work.notice_kind = "correction"
        work.crossref_type = "journal-article"
        work.openalex_type = "erratum"


def _shifted(date: dt.date, years: int, days: int = 0) -> dt.date:
    return dt.date(max(date.year + years, 1950), date.month, min(date.day, 28)) + dt.timedelta(days=days)


def _distractor(
    case: Case,
    suffix: str,
    title: str,
    abstract: str,
    authors: list[tuple[str, str]],
    venue: str,
    when: dt.date,
    biomedical: bool,
) -> Work:
    names = "; ".join(f"{given} {family}" for given, family in authors)
    return W(
        f"10.5555/eval.{case.key}.{suffix}", title, names, venue, when.isoformat(), abstract, biomedical=biomedical
    )


def corpus(cases: list[Case] | None = None) -> Corpus:
    """Every case's cited work and its distractors, as one corpus (searches see all of it)."""
    cases = cases if cases is not None else CASES
    works: list[Work] = []
    for n, case in enumerate(cases):
        target = case.target
        works.append(target)
        works.extend(case.extra)
        for extra in case.extra:
            _notice(extra)
        bio = bool(target.pmid) or (target.preprint_server in ("medRxiv", "bioRxiv"))
        journal = target.journal or "PLOS ONE"
        others = [j for j, _, _, b in JOURNALS if b == bio and j != journal]
        person = PEOPLE[(n * 3) % len(PEOPLE)]
        other = PEOPLE[(n * 3 + 1) % len(PEOPLE)]
        third = PEOPLE[(n * 3 + 2) % len(PEOPLE)]
        off = OFF_TOPIC[n % len(OFF_TOPIC)]
        off2 = OFF_TOPIC[(n + 9) % len(OFF_TOPIC)]
        date = dt.date(target.year, target.month, target.day)
        venue = target.journal or target.preprint_server
        works += [
            # Same journal (or server), same year, another topic.
            _distractor(case, "same-journal", off[0], off[1], [person, other], venue, _shifted(date, 0, 20), bio),
            # A rival study of the same topic in another venue, the same year.
            _distractor(case, "rival", case.rivals[0], f"{case.topic} {off2[1]}", [other, third],
                        others[n % len(others)], _shifted(date, 0, -40), bio),
            # Another paper by the same first author, on another topic, two years earlier.
            _distractor(case, "same-author", off2[0], off2[1], [target.authors[0], third],
                        others[(n + 3) % len(others)], _shifted(date, -2), bio),
            # An older paper of the same topic in the same venue.
            _distractor(case, "earlier", case.rivals[1], f"{case.topic} Data from earlier years were used.",
                        [third, person], venue, _shifted(date, -5), bio),
        ]  # fmt: skip
        if n % 3 == 0:
            # For a third of the cases, a twin: the same venue, the same months, the same topic, other authors.
            works.append(
                _distractor(case, "twin", f"{case.rivals[0]}: a second cohort", f"{case.topic} {off[1]}",
                            [other, person], venue, _shifted(date, 0, 25), bio)
            )  # fmt: skip
    journals = [Journal(name, issns, aliases) for name, issns, aliases, _ in JOURNALS]
    journals += [Journal(name, [], [], repository=True) for name in SERVERS]
    return Corpus(works, journals)


for _n, _case in enumerate(CASES):
    _case.split = "held_out" if _n % 4 == 3 else "dev"
CASES += LATER


# Stories from the French press about works indexed in English: the claim is French, the title and abstract
# the indexes hold are English.
_FR = "Le Quotidien du Matin"
FRENCH: list[Case] = [
    Case(
        "fr-revue-lead-colleagues-year",
        ["french", "french_journal", "lead_author", "year"],
        "Les adolescents qui dorment peu retiennent moins bien",
        "2021-05-04",
        "Le sommeil des adolescents inquiète les pédiatres.\n\n"
        "[[Selon une étude publiée dans la revue Sleep Health en 2021 par Camille Laurent et ses collègues, les "
        "adolescents qui dorment moins de sept heures retiennent moins bien ce qu’ils apprennent.]]\n\n"
        "Les chercheurs ont suivi 900 lycéens pendant un an.",
        W(
            "10.5555/fr.sleephealth.2021.0315",
            "Short Sleep Duration and Memory Consolidation in Adolescents",
            "Camille Laurent; Oliver Grant; Mei Tanaka",
            "Sleep Health",
            "2021-03-15",
            "In 900 high-school students followed for a year, sleeping less than seven hours was associated with "
            "poorer memory consolidation of learned material.",
        ),
        ["Sleep and exam results in university students", "Bedtime routines and sleep in adolescents"],
        "Sleep duration and memory in adolescents were measured.",
        outlet=_FR,
    ),
    Case(
        "fr-parue-dans-short-form",
        ["french", "french_journal", "journal_short_form", "french_numbers"],
        "Marcher 8 000 pas par jour, un rempart contre la démence ?",
        "2022-09-20",
        "Une nouvelle raison de sortir marcher.\n\n"
        "[[D’après une étude parue dans le JAMA, les personnes qui font environ 8 000 pas par jour ont un risque "
        "de démence réduit de moitié.]]\n\nLes participants portaient un accéléromètre au poignet.",
        W(
            "10.5555/fr.jama.2022.0905",
            "Daily Step Count and Incident Dementia Among Adults",
            "Jonas Weber; Aisha Rahman; Kwame Mensah",
            "JAMA",
            "2022-09-05",
            "Among 78,000 adults wearing wrist accelerometers, about 8,000 daily steps was associated with a 50% lower "
            "risk of incident dementia.",
        ),
        ["Physical activity and cognitive decline in older men", "Walking pace and Alzheimer disease"],
        "Steps walked each day and dementia were measured.",
        outlet=_FR,
    ),
    Case(
        "fr-institution-full-name",
        ["french", "institution", "journal_full_name"],
        "Le café ne donnerait pas d’arythmie",
        "2023-03-30",
        "Bonne nouvelle pour les amateurs d’espresso.\n\n"
        "[[Des chercheurs de l’université de Californie ont montré, dans le New England Journal of Medicine, que "
        "boire du café ne provoque pas davantage d’extrasystoles auriculaires.]]\n\n"
        "Les volontaires portaient un électrocardiogramme continu.",
        W(
            "10.5555/fr.nejm.2023.0323",
            "Coffee Consumption and Premature Atrial Contractions",
            "Wei Zhang; Laura Jensen; Ravi Iyer",
            "New England Journal of Medicine",
            "2023-03-23",
            "In a randomised crossover trial with continuous electrocardiogram monitoring, coffee consumption did not "
            "increase premature atrial contractions.",
        ),
        ["Caffeine and ventricular arrhythmia", "Tea drinking and atrial fibrillation"],
        "Coffee and heart rhythm were studied.",
        outlet=_FR,
    ),
    Case(
        "fr-year-study-profession",
        ["french", "year", "profession", "old_study"],
        "Pollution : les enfants asthmatiques en première ligne",
        "2024-02-11",
        "La qualité de l’air reste un enjeu de santé publique.\n\n"
        "[[Une étude de 2019 menée par la pédiatre Sofia Marchetti, parue dans Pediatrics, associait déjà les pics "
        "de pollution aux hospitalisations pour asthme chez l’enfant.]]\n\nElle portait sur 12 villes.",
        W(
            "10.5555/fr.pediatrics.2019.0610",
            "Air Pollution Peaks and Pediatric Asthma Hospitalizations",
            "Sofia Marchetti; Samuel Adeyemi",
            "Pediatrics",
            "2019-06-10",
            "Across 12 cities, days with peak air pollution were followed by more pediatric hospitalizations for "
            "asthma.",
        ),
        ["Traffic exposure and wheeze in infants", "Indoor air quality and asthma in schoolchildren"],
        "Air pollution and asthma in children were assessed.",
        outlet=_FR,
    ),
    Case(
        "fr-month-year",
        ["french", "month", "year", "french_journal"],
        "Les édulcorants creusent-ils l’appétit ?",
        "2022-06-01",
        "Le débat sur les boissons « light » est relancé.\n\n"
        "[[Parue en mars 2022 dans la revue Appetite, une étude suggère que les boissons aux édulcorants augmentent "
        "la faim des adultes dans l’heure qui suit.]]\n\nL’essai portait sur 120 volontaires.",
        W(
            "10.5555/fr.appetite.2022.0314",
            "Artificially Sweetened Drinks Increase Hunger in Adults: A Randomised Trial",
            "Fatima Haddad; Lukas Brandt",
            "Appetite",
            "2022-03-14",
            "In 120 adults, drinks with artificial sweeteners increased self-reported hunger within an hour compared "
            "with water.",
        ),
        ["Sugar-sweetened beverages and weight gain", "Sweet taste and food intake in children"],
        "Sweeteners and appetite were tested.",
        outlet=_FR,
    ),
    Case(
        "fr-title-pr",
        ["french", "french_title", "journal_short_form"],
        "Les écrans, accélérateurs de myopie",
        "2023-11-08",
        "Les ophtalmologistes tirent la sonnette d’alarme.\n\n"
        "[[« Chaque heure d’écran supplémentaire augmente le risque de myopie », résume la Pr Chloé Dubois, "
        "dont les travaux sont publiés dans The Lancet.]]\n\nL’équipe a suivi 3 000 enfants.",
        W(
            "10.5555/fr.lancet.2023.1020",
            "Screen Time and Incident Myopia in Children: A Cohort Study",
            "Chloé Dubois; Hiroshi Sato; Grace Mwangi",
            "The Lancet",
            "2023-10-20",
            "In a cohort of 3,000 children, each additional hour of daily screen time increased the risk of incident "
            "myopia.",
        ),
        ["Outdoor time and refractive error", "Reading distance and myopia in schoolchildren"],
        "Screen time and myopia in children were measured.",
        outlet=_FR,
    ),
    Case(
        "fr-economist-team-non-biomedical",
        ["french", "non_biomedical", "profession", "lead_author"],
        "Le salaire minimum n’a pas détruit d’emplois",
        "2020-04-15",
        "Un résultat qui bouscule une idée reçue.\n\n"
        "[[L’économiste Tomás Ferreira et son équipe montrent, dans l’American Economic Review, que les hausses du "
        "salaire minimum n’ont pas réduit l’emploi des jeunes.]]\n\nIls ont comparé des comtés voisins.",
        W(
            "10.5555/fr.aer.2020.0301",
            "Minimum Wage Increases and Youth Employment: Evidence From Neighbouring Counties",
            "Tomás Ferreira; Nadia Petrova",
            "American Economic Review",
            "2020-03-01",
            "Comparing neighbouring counties, minimum wage increases did not reduce youth employment.",
            biomedical=False,
        ),
        ["Minimum wages and restaurant prices", "Labour market effects of wage floors"],
        "Minimum wage and employment were estimated.",
        outlet=_FR,
    ),
    Case(
        "fr-en-annee-researchers-climate",
        ["french", "non_biomedical", "year", "french_journal"],
        "Les glaciers alpins fondent deux fois plus vite",
        "2021-02-02",
        "Le constat est sans appel.\n\n"
        "[[En 2020, des chercheurs ont établi dans la revue Nature Climate Change que les glaciers des Alpes "
        "perdent leur masse deux fois plus vite qu’au début du siècle.]]\n\nIls ont utilisé des images satellites.",
        W(
            "10.5555/fr.natclim.2020.0815",
            "Accelerating Mass Loss of Alpine Glaciers Since 2000",
            "Eva Novak; Peter Lindqvist; Marco Bellini",
            "Nature Climate Change",
            "2020-08-15",
            "Satellite images show that Alpine glaciers lose mass twice as fast as in the early 2000s.",
            biomedical=False,
        ),
        ["Glacier retreat in the Himalaya", "Snow cover decline in the Alps"],
        "Glacier mass loss in the Alps was quantified.",
        outlet=_FR,
    ),
    Case(
        "fr-date-profession-unknown",
        ["french", "french_date", "profession"],
        "Alcool : même une consommation modérée abîme le foie",
        "2023-05-02",
        "Les recommandations pourraient évoluer.\n\n"
        "[[Publiée le 12 avril 2023 dans le Journal of Hepatology, l’étude de l’hépatologue Marco Bellini montre "
        "qu’une consommation modérée d’alcool favorise déjà la fibrose du foie.]]\n\n"
        "Plus de 20 000 adultes ont été examinés.",
        W(
            "10.5555/fr.hepatology.2023.0412",
            "Moderate Alcohol Intake and Liver Fibrosis in the General Population",
            "Marco Bellini; Yusuf Demir; Isabel Moreno",
            "Journal of Hepatology",
            "2023-04-12",
            "In 20,400 adults, moderate alcohol intake was associated with liver fibrosis measured by elastography.",
        ),
        ["Alcohol and fatty liver disease in adolescents", "Coffee and liver fibrosis"],
        "Alcohol intake and liver fibrosis were measured.",
        outlet=_FR,
    ),
    Case(
        "fr-preprint-medrxiv",
        ["french", "preprint_server", "french_numbers"],
        "Covid long : un patient sur dix encore fatigué après un an",
        "2022-01-20",
        "Des chiffres encore provisoires.\n\n"
        "[[Selon une prépublication déposée sur medRxiv, un patient sur dix souffre encore de fatigue un an après "
        "une infection au Covid-19.]]\n\nL’étude n’a pas encore été relue par des pairs.",
        W(
            "10.1101/2022.01.05.22268777",
            "Persistent Fatigue One Year After COVID-19 Infection",
            "Priya Raman; David Kowalski",
            "medRxiv",
            "2022-01-05",
            "One year after COVID-19 infection, 10% of patients still reported fatigue.",
        ),
        ["Long COVID symptoms in children", "Fatigue after influenza infection"],
        "Fatigue after infection was measured.",
        outlet=_FR,
    ),
    Case(
        "fr-doi-in-text",
        ["french", "doi"],
        "Viande transformée et cancer colorectal",
        "2021-12-01",
        "Le jambon sur la sellette.\n\n"
        "[[Les travaux (doi : 10.5555/fr.gut.2021.1105) associent la consommation quotidienne de charcuterie à un "
        "risque accru de cancer colorectal.]]\n\nIls reposent sur 400 000 adultes.",
        W(
            "10.5555/fr.gut.2021.1105",
            "Daily Processed Meat Consumption and Colorectal Cancer",
            "Rahul Mehta; Ingrid Halvorsen",
            "Gut",
            "2021-11-05",
            "In 400,000 adults, daily processed meat consumption was associated with increased colorectal cancer risk.",
        ),
        ["Red meat and stomach cancer", "Fibre and colorectal adenomas"],
        "Processed meat and colorectal cancer were examined.",
        outlet=_FR,
    ),
    Case(
        "fr-direction-non-biomedical",
        ["french", "lead_author", "non_biomedical"],
        "Prendre des notes à la main, meilleur pour apprendre ?",
        "2019-10-10",
        "Le stylo contre le clavier.\n\n"
        "[[Sous la direction de Jonas Weber, une étude publiée dans Computers & Education montre que les étudiants "
        "qui prennent des notes sur ordinateur retiennent moins bien les cours.]]\n\nElle porte sur 300 étudiants.",
        W(
            "10.5555/fr.compedu.2019.0901",
            "Laptop Note-Taking and Lecture Retention in University Students",
            "Jonas Weber; Amara Okafor",
            "Computers & Education",
            "2019-09-01",
            "University students who took notes on laptops retained less lecture content than those writing by hand.",
            biomedical=False,
        ),
        ["Tablets in primary school classrooms", "Handwriting and reading acquisition"],
        "Note-taking and learning were compared.",
        outlet=_FR,
    ),
    Case(
        "fr-lead-author-transport",
        ["french", "lead_author", "non_biomedical"],
        "Les pistes cyclables raccourcissent les trajets",
        "2022-11-03",
        "Les villes pédalent.\n\n"
        "[[L’auteur principal, Peter Lindqvist, explique dans le Journal of Transport Geography que les nouvelles "
        "pistes cyclables ont raccourci les trajets domicile-travail à vélo.]]\n\nL’étude porte sur trois villes.",
        W(
            "10.5555/fr.transport.2022.1001",
            "New Cycle Lanes and Bicycle Commuting Times in Three Cities",
            "Peter Lindqvist; Wei Zhang",
            "Journal of Transport Geography",
            "2022-10-01",
            "GPS traces show that new cycle lanes shortened bicycle commuting times in three cities.",
            biomedical=False,
        ),
        ["Bike sharing and car use", "Road safety of cycle lanes"],
        "Cycle lanes and commuting were measured.",
        outlet=_FR,
    ),
    Case(
        "fr-dapres-profession-after-name",
        ["french", "profession", "journal_short_form"],
        "Les bains froids apaisent l’anxiété",
        "2023-01-25",
        "Une pratique qui séduit de plus en plus.\n\n"
        "[[D’après Hannah Fischer, psychologue et autrice d’une étude parue dans PLOS ONE, se baigner en eau froide "
        "chaque semaine diminue l’anxiété.]]\n\nLes nageurs ont été suivis pendant six mois.",
        W(
            "10.5555/fr.plosone.2023.0110",
            "Weekly Cold Water Swimming and Anxiety: A Six-Month Study",
            "Hannah Fischer; Jonas Weber",
            "PLOS ONE",
            "2023-01-10",
            "Swimmers followed for six months reported lower anxiety after weekly cold water swimming.",
        ),
        ["Sauna bathing and depression", "Outdoor exercise and mood in winter"],
        "Cold water and anxiety were examined.",
        outlet=_FR,
    ),
    Case(
        "fr-numero-month",
        ["french", "month", "journal_full_name"],
        "Lire protège-t-il du déclin cognitif ?",
        "2024-03-05",
        "Une bonne raison de garder un livre à portée de main.\n\n"
        "[[Dans son numéro de janvier, la revue Age and Ageing rapporte que les personnes âgées qui lisent chaque "
        "jour connaissent un déclin cognitif plus lent.]]\n\nL’étude a duré dix ans.",
        W(
            "10.5555/fr.ageing.2024.0115",
            "Daily Reading and Cognitive Decline in Older Adults",
            "Elena Popescu; Kwame Mensah",
            "Age and Ageing",
            "2024-01-15",
            "Over ten years, older adults who read daily showed slower cognitive decline.",
        ),
        ["Crossword puzzles and dementia", "Social engagement and memory in later life"],
        "Reading and cognitive decline were measured.",
        outlet=_FR,
    ),
    Case(
        "fr-dirigee-par-ecology",
        ["french", "lead_author", "non_biomedical", "french_journal"],
        "Les pesticides désorientent les abeilles",
        "2021-07-07",
        "Les apiculteurs s’inquiètent.\n\n"
        "[[Une équipe dirigée par Amara Okafor a montré, dans la revue Ecology Letters, que les néonicotinoïdes "
        "réduisent la capacité des abeilles à retrouver leur ruche.]]\n\nLes abeilles portaient des puces.",
        W(
            "10.5555/fr.ecollett.2021.0601",
            "Neonicotinoids Impair Homing in Honey Bees",
            "Amara Okafor; Sofia Marchetti",
            "Ecology Letters",
            "2021-06-01",
            "Honey bees exposed to neonicotinoids were less able to return to the hive, radio tags show.",
            biomedical=False,
        ),
        ["Pesticides and bumblebee colonies", "Bee foraging in urban gardens"],
        "Pesticides and bee homing were studied.",
        outlet=_FR,
    ),
]
for _n, _case in enumerate(FRENCH):
    _case.language = "fr"
    _case.split = "held_out" if _n % 4 == 3 else "dev"
CASES += FRENCH
