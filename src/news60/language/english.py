"""English: the word lists and cues the broadcast writer reads English news with."""

from __future__ import annotations

import re

from news60.language.profile import Profile

# Past -> present of the verbs that report speech; the house tense picks one of the pair.
_REPORTING = {
    "said": "says", "told": "tells", "added": "adds", "explained": "explains",
    "warned": "warns", "insisted": "insists", "argued": "argues", "noted": "notes",
    "claimed": "claims", "stated": "states", "wrote": "writes", "announced": "announces",
    "confirmed": "confirms", "reported": "reports", "believed": "believes", "estimated": "estimates",
}  # fmt: skip
# ", saying the plan failed" -> "<subject> said the plan failed".
_AGENT_PARTICIPLES = {
    "saying": "said", "noting": "noted", "warning": "warned", "arguing": "argued",
    "insisting": "insisted", "claiming": "claimed", "explaining": "explained", "citing": "cited",
    "urging": "urged", "calling": "called", "describing": "described", "killing": "killed",
    "injuring": "injured", "wounding": "wounded", "accusing": "accused", "vowing": "vowed",
    "promising": "promised", "threatening": "threatened", "blaming": "blamed",
    "demanding": "demanded", "announcing": "announced", "denying": "denied",
    "admitting": "admitted", "revealing": "revealed", "telling": "told",
    "referring": "referred", "speaking": "spoke",
}  # fmt: skip
# ", leaving three dead" -> "That left three dead": the tail says what the event did.
_EVENT_PARTICIPLES = {
    "leaving": "left", "leading": "led", "prompting": "prompted", "sparking": "sparked",
    "raising": "raised", "marking": "marked", "bringing": "brought", "forcing": "forced",
    "causing": "caused", "triggering": "triggered", "sending": "sent", "ending": "ended",
    "fuelling": "fuelled", "fueling": "fueled", "deepening": "deepened", "pushing": "pushed",
    "putting": "put", "making": "made", "setting": "set", "dealing": "dealt",
    "adding": "added", "allowing": "allowed", "enabling": "enabled", "giving": "gave",
}  # fmt: skip
_AGENCIES = (
    "AP AFP Reuters CNN UPI PA AAP Bloomberg dpa EFE Xinhua PTI IANS ANSA BBC NPR ABC CBS NBC "
    "KTLA WSVN WABC WBZ WGN KABC WFLA KTVU KOMO Kyodo Yonhap TASS Interfax"
)
# Lower-cased words of a title before a name; the name reader (script/people.py) splits a
# capitalised run at them ("Foreign Affairs Minister Julie Bishop" is Julie Bishop).
TITLE_WORDS = (
    "president minister secretary chancellor senator governor mayor general commissioner chief "
    "director leader spokesman spokeswoman spokesperson ambassador judge justice prosecutor "
    "attorney sheriff captain coach manager chairman chairwoman chair ceo founder executive "
    "officer professor dr inspector detective sergeant constable pope king queen prince "
    "princess speaker premier deputy representative rep sen gov congressman congresswoman mp "
    "councillor councilman councilwoman bishop archbishop cardinal rabbi imam reverend admiral "
    "colonel lieutenant major marshal commander superintendent editor correspondent analyst "
    "economist envoy boss head star expert adviser advisor aide official lawyer actor actress "
    "singer rapper developer researcher scientist author writer campaigner activist whisperer "
    "owner player striker midfielder defender goalkeeper "
    # Trades a story puts before a name as it would a title: "skipper Wade Bassi", "wildlife
    # photographer Steve Trewhella", "host Tom Bergeron", "businessman Alan Sugar".
    "skipper fisherman farmer photographer journalist reporter presenter host broadcaster "
    "comedian musician artist designer engineer businessman businesswoman entrepreneur "
    "billionaire millionaire tycoon teacher headteacher nurse surgeon doctor pilot"
)
_NEGATIONS = "not no never none nobody nothing neither nor without cannot n't nowhere"
_PRONOUNS = "he she it they we i you there"
_DETERMINERS = "the a an this that these those his her its their our my your some many several"
_OPENERS = (
    "here there after before when while as if since because though although once most many "
    "some all few more much every each both neither either such what how why where one two "
    "three it this that these those yet still even only just now then so but and or also"
)
_AUXILIARIES = (
    "is are was were be been has have had will would can could may might must shall should did "
    "does do am"
)
_IRREGULAR = (
    "ate beat became began bit blew broke brought built bought came caught chose cut dealt died "
    "drew drove fell felt fled flew fought found forgot froze gave got grew held hid hit hung kept "
    "knew laid led left let lit lost made meant met paid put quit ran rang rose said sat saw sent "
    "set shot shut slept sold spent split spoke spread stood stole struck stuck swore taught told "
    "took threw tore understood went woke won wore wrote withdrew says tells "
    # British pasts in "-t": "dreamt up a series of board games".
    "dreamt learnt burnt leapt knelt spelt spoilt"
)
_PRESENT = (
    "say says think thinks want wants believe believes know knows need needs show shows make "
    "makes take takes get gets go goes come comes see sees find finds give gives tell tells seem "
    "seems remain remains face faces plan plans expect expects hope hopes fear fears claim claims "
    "mean means continue continues become becomes stay stays hold holds lead leads warn warns "
    "argue argues insist insists deny denies accuse accuses call calls urge urges"
)
_MEASURES = (
    "km kilometres kilometers kilometre kilometer mi miles mile m metres meters metre meter ft "
    "feet foot in inches inch cm mm kg kilograms kilogram kilos g grams lb lbs pounds pound oz "
    "ounces mph kph km/h kmh kilometres/hour celsius fahrenheit c f °c °f litres liters litre liter "
    "gallons gallon acres acre hectares hectare sq square tonnes tons tonne ton nautical knots"
)
# Why it happened or why it matters.
_CAUSE = re.compile(
    r"\b(?:because|due to|as a result|in order to|so that|the reason|reasons?|led to|lead to|"
    r"caused|causes|sparked|prompted|blamed|triggered|aims? to|aimed at|in an effort to|"
    r"meant to|designed to|amid|following|after (?:a|an|the|his|her|their|years|months|weeks)|"
    r"means that|which means|would mean|could mean)\b",
    re.IGNORECASE,
)
# The other side, or how people reacted.
_REACTION = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|criticis\w+|criticiz\w+|condemn\w*|responded|"
    r"response|defended|defends|disputed|disputes|declined to comment|did not respond|"
    r"could not be reached|opponents?|critics?|welcomed|praised|protest\w*|backlash|outrage|"
    r"called for|urged|appeal\w*|however|but)\b",
    re.IGNORECASE,
)
# What happens next: plans, dates ahead, decisions pending.
_NEXT = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|was|were) (?:expected|due|set|scheduled|planned|likely|"
    r"going) to|plans? to|planning to|intends? to|next (?:week|month|year|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|step|steps)|pending|upcoming|"
    r"later this (?:week|month|year)|by the end of|awaits?|awaiting|deadline|hearing|"
    r"(?:to|will) be (?:sentenced|tried|decided|announced|released|held))\b",
    re.IGNORECASE,
)
# A label or prompt read aloud inside a sentence: "WATCH: ...", "Read more: ...".
_FURNITURE = re.compile(
    r"(?:^|\s)(?:WATCH|VIDEO|PHOTOS?|PICTURED|LISTEN|READ MORE|RELATED|MORE|UPDATE|UPDATED|"
    r"BREAKING|EXCLUSIVE|LIVE)\s*:\s*|\s*\b(?:Click here|Read more|Scroll down|See more|"
    r"Sign up)\b[^.!?]*[.!?]?\s*$",
)


_SPELLED_OUT = {
    "Jan.": "January", "Feb.": "February", "Aug.": "August", "Sep.": "September",
    "Sept.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December",
}  # fmt: skip
_STOPLESS_TITLES = {"Mr.": "Mr", "Mrs.": "Mrs", "Ms.": "Ms", "Dr.": "Dr"}
# The state in a party tag, by postal code or AP abbreviation: "(R-TX)" and "(R-Texas)" alike
# are said "a Texas Republican", never "a T X Republican".
_STATE_LIST = (
    "AL Ala. Alabama|AK Alaska|AZ Ariz. Arizona|AR Ark. Arkansas|CA Calif. California|"
    "CO Colo. Colorado|CT Conn. Connecticut|DE Del. Delaware|FL Fla. Florida|GA Ga. Georgia|"
    "HI Hawaii|ID Idaho|IL Ill. Illinois|IN Ind. Indiana|IA Iowa|KS Kan. Kansas|"
    "KY Ky. Kentucky|LA La. Louisiana|ME Maine|MD Md. Maryland|MA Mass. Massachusetts|"
    "MI Mich. Michigan|MN Minn. Minnesota|MS Miss. Mississippi|MO Mo. Missouri|"
    "MT Mont. Montana|NE Neb. Nebraska|NV Nev. Nevada|NH N.H. New_Hampshire|"
    "NJ N.J. New_Jersey|NM N.M. New_Mexico|NY N.Y. New_York|NC N.C. North_Carolina|"
    "ND N.D. North_Dakota|OH Ohio|OK Okla. Oklahoma|OR Ore. Oregon|PA Pa. Pennsylvania|"
    "RI R.I. Rhode_Island|SC S.C. South_Carolina|SD S.D. South_Dakota|TN Tenn. Tennessee|"
    "TX Texas|UT Utah|VT Vt. Vermont|VA Va. Virginia|WA Wash. Washington|"
    "WV W.Va. West_Virginia|WI Wis. Wisconsin|WY Wyo. Wyoming"
)
_PARTY_PLACES = {
    short: names.split()[-1].replace("_", " ")
    for names in _STATE_LIST.split("|")
    for short in names.split()
}


# "But the government puts the total at ...": openers that answer the sentence before.
_ANSWERING = "but,however,yet,still,instead,even so,nevertheless,nonetheless,that,this"
# Matched as written ("I", never "i"); "we" and "our" a writer says for everyone ("the way we
# see the world"), so they are left out.
_FIRST_PERSON = "I I'm I've I'd I'll I’m I’ve I’d I’ll me my mine Me My Mine"


def profile() -> Profile:
    """The English profile."""
    return Profile(
        code="en",
        name="English",
        reporting=_REPORTING,
        agent_participles=_AGENT_PARTICIPLES,
        event_participles=_EVENT_PARTICIPLES,
        agencies=frozenset(_AGENCIES.split()),
        titles=frozenset(TITLE_WORDS.split()),
        negations=frozenset(_NEGATIONS.split()),
        subject_pronouns=frozenset(_PRONOUNS.split()),
        determiners=frozenset(_DETERMINERS.split()),
        openers=frozenset(_OPENERS.split()),
        coordinators={"and": "", "but": "But", "so": "So", "yet": "Yet", "while": ""},
        clause_conjunctions=frozenset({"as", "while", "whereas", "although", "though"}),
        answering=frozenset(_ANSWERING.split(",")),
        pointing=frozenset({"it", "they", "its", "their"}),
        first_person=frozenset(_FIRST_PERSON.split()),
        auxiliaries=frozenset(_AUXILIARIES.split()),
        irregular_past=frozenset(_IRREGULAR.split()),
        present_verbs=frozenset(_PRESENT.split()),
        measures=frozenset(_MEASURES.split()),
        cause=_CAUSE,
        reaction=_REACTION,
        next_steps=_NEXT,
        furniture=_FURNITURE,
        spelled_out=_SPELLED_OUT,
        stopless_titles=_STOPLESS_TITLES,
        party_places=_PARTY_PLACES,
        default_voice="piper:en_US-joe-medium",
    )
