"""Generated Danish texts for the scale data set: fictitious towns, hearings
and responses, made from a small vocabulary of our own.

Every text is put together from the word lists below by a seeded random
generator, so the same seed gives the same data set, and no council, place
or person in it exists.
"""

import itertools
import random

TOWN_STARTS = [
    "Ny",
    "Øster",
    "Vester",
    "Nørre",
    "Sønder",
    "Lille",
    "Store",
    "Hav",
    "Skov",
    "Sø",
    "Mose",
    "Lyng",
    "Bøge",
    "Eg",
    "Ask",
    "Birke",
    "Eng",
    "Holm",
    "Kilde",
    "Bakke",
    "Dal",
    "Strand",
    "Mølle",
    "Kirke",
    "Bro",
    "Sand",
]
TOWN_ENDS = [
    "by",
    "strup",
    "løse",
    "sted",
    "rup",
    "bjerg",
    "høj",
    "lund",
    "holm",
    "vang",
    "næs",
    "havn",
    "torp",
    "ager",
    "mark",
    "rød",
]
COMMITTEES = [
    "Socialudvalget",
    "Økonomiudvalget",
    "Sundheds- og Ældreudvalget",
    "Beskæftigelsesudvalget",
    "Børne- og Ungeudvalget",
    "Teknik- og Miljøudvalget",
    "Kultur- og Fritidsudvalget",
]
TOPICS = [
    "botilbud",
    "værested",
    "natvarme",
    "gadeplansarbejde",
    "misbrugsbehandling",
    "bostøtte",
    "kontanthjælp",
    "boligsocialt arbejde",
    "tandpleje",
    "psykiatrisk støtte",
    "fritidstilbud for unge",
    "herberg",
    "madordning",
    "rådgivning uden tidsbestilling",
    "genoptræning",
    "ledsageordning",
    "jobcenterets indsats",
    "akutboliger",
    "frivillige foreninger",
    "sundhedshus",
    "busruter",
    "borgerservice",
    "skolernes trivsel",
]
ACTIONS = [
    "Ny plan for",
    "Ændringer i",
    "Besparelser på",
    "Styrket indsats for",
    "Udbud af",
    "Ny politik for",
    "Samling af",
    "Flytning af",
    "Forsøg med",
    "Evaluering af",
]
PLACES = [
    "i midtbyen",
    "på Havnevej",
    "i Nordbyen",
    "i landdistrikterne",
    "ved stationen",
    "i hele kommunen",
    "på Skolegade",
    "i Engparken",
]
SUBJECTS = [
    "Kommunen",
    "Forvaltningen",
    "Udvalget",
    "Byrådet",
    "Planen",
    "Forslaget",
]
VERBS = [
    "vil samle",
    "foreslår at flytte",
    "ønsker at styrke",
    "vil spare på",
    "vil åbne for",
    "vil ændre",
    "lægger op til at udvide",
    "vil lukke",
]
CITIZENS = [
    "borgere uden egen bolig",
    "unge med misbrug",
    "borgere med psykisk sygdom",
    "ensomme ældre",
    "familier med lav indkomst",
    "borgere langt fra arbejde",
    "udsatte grønlændere",
    "borgere med flere diagnoser",
]
REASONS = [
    "fordi pengene skal bruges bedre",
    "for at gøre hjælpen lettere at finde",
    "fordi færre bruger tilbuddet i dag",
    "for at samle fagfolk ét sted",
    "fordi loven er ændret",
    "for at nå flere borgere tidligt",
]
COUNCIL_VIEWS = [
    "Rådet er enigt i målet, men bekymret for vejen derhen.",
    "Rådet bakker op om forslaget.",
    "Rådet kan ikke støtte forslaget, som det ser ud nu.",
    "Rådet mener, at forslaget skal gøres bedre.",
    "Rådet ser gode takter i forslaget.",
]
WISHES = [
    "at brugerne bliver spurgt, før noget ændres",
    "at der altid er en vej ind uden tidsbestilling",
    "at kommunen følger op efter et år",
    "at personalet kender de borgere, det handler om",
    "at tilbuddet ligger tæt på, hvor borgerne bor",
    "at ingen mister hjælp, mens der bygges om",
    "at rådet får svar på sine forslag",
]
EASY_LINES = [
    "Kommunen vil ændre noget.",
    "Rådet har sagt sin mening.",
    "Rådet synes, det kan blive godt.",
    "Men borgerne skal spørges først.",
    "Hjælpen skal være nem at finde.",
    "Rådet er bekymret.",
    "Rådet vil gerne høre fra dig.",
]
QUOTES = [
    "Jeg går ikke derhen, hvis jeg ikke kender nogen, der arbejder der.",
    "Det er svært at ringe, når man ikke har tid på telefonen.",
    "Jeg vil bare gerne mødes af et menneske.",
    "Når stedet flytter, mister vi dem, der ellers kom.",
]


def town_names():
    """Every fictitious town name the vocabulary makes, in a fixed order."""
    for start, end in itertools.product(TOWN_STARTS, TOWN_ENDS):
        yield (start + end).capitalize()


class DanishTexts:
    """Random Danish hearing and response texts from one seed."""

    def __init__(self, seed=14):
        self.random = random.Random(seed)

    def pick(self, words):
        return self.random.choice(words)

    def hearing_title(self):
        return f"{self.pick(ACTIONS)} {self.pick(TOPICS)} {self.pick(PLACES)}"

    def committee(self):
        return self.pick(COMMITTEES)

    def sentence(self):
        return (
            f"{self.pick(SUBJECTS)} {self.pick(VERBS)} {self.pick(TOPICS)} "
            f"for {self.pick(CITIZENS)}, {self.pick(REASONS)}."
        )

    def paragraph(self, sentences=3):
        return " ".join(self.sentence() for _ in range(sentences))

    def wishes(self, count=3):
        chosen = self.random.sample(WISHES, count)
        return [wish[0].upper() + wish[1:] + "." for wish in chosen]

    def easy_read(self):
        return " ".join(self.random.sample(EASY_LINES, 4))

    def council_view(self):
        return self.pick(COUNCIL_VIEWS)

    def quote(self):
        return self.pick(QUOTES)
