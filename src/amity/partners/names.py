"""What an organization's name means, whatever the language it was typed in.

Duplicate detection compares names through this: the same organization is typed in English, in
Vietnamese ("Pacific Links Foundation" / "Quỹ Liên kết Thái Bình Dương"), with its country in
the partner's own language ("Habitat for Humanity Deutschland") or as its acronym ("KOFIH").

- `meaning(text)` reads a name as English words of one spelling each ("fund" and "Stiftung"
  both read "foundation") with the countries it names as `#xx` tokens (`#de`), and tells
  whether it was read as Vietnamese;
- `acronyms_of(words)` lists the acronyms a full name may be shortened to: initials (of every
  word, of the significant words, without a leading word or the generic words) and syllable
  acronyms (one word giving its first two or three letters: KOFIH, PACCOM).

Country names come from Babel's locale data, every country in every language; the words are a
dictionary of general words (organization, aid, children...), no organization's name.
"""

import re
import unicodedata
from functools import cache, lru_cache
from itertools import product

from amity.partners.text import normalise

COUNTRY_MARK = "#"

# Vietnamese organization and field-of-work words, folded as `normalise` folds them, and what
# they read in English; "a|b" when a word has several senses ("xanh" is blue and green).
VIETNAMESE_WORDS = {
    # kinds of body
    "to chuc": "organization",
    "co quan": "agency",
    "quy": "foundation|fund",
    "hoi": "association|union",  # "Hội Nông dân": the Farmers' Union
    "hiep hoi": "association",
    "tong hoi": "association",
    "lien hiep": "union|federation",
    "lien doan": "federation",
    "lien minh": "alliance|union",
    "tong lien doan": "confederation",
    "uy hoi": "commission",
    "phong thuong mai": "chamber commerce",
    "mang luoi": "network",
    "trung tam": "center",
    "vien": "institute",
    "hoc vien": "academy",
    "vien han lam": "academy",
    "van phong": "office",
    "dai dien": "representative",
    "chuong trinh": "program",
    "du an": "project",
    "uy ban": "committee",
    "hoi dong": "council",
    "nhom": "group",
    "cau lac bo": "club",
    "dai su quan": "embassy",
    "lanh su quan": "consulate",
    "tong lanh su quan": "consulate general",
    "ngan hang": "bank",
    "truong": "school",
    "dai hoc": "university",
    "benh vien": "hospital",
    "nha tho": "church",
    "lien hop quoc": "united nation",
    # qualifiers
    "quoc te": "international",
    "quoc gia": "national",
    "toan cau": "global",
    "the gioi": "world",
    "khu vuc": "regional",
    "hop tac": "cooperation",
    "phat trien": "development",
    "ho tro": "aid|support",
    "vien tro": "aid",
    "cuu tro": "relief|aid",
    "cuu": "relief",
    "giup do": "help",
    "tuong tro": "mutual aid",
    "tu van": "advisory",
    "giao luu": "exchange",
    "trao doi": "exchange",
    "xuc tien": "promotion",
    "sang kien": "initiative",
    "tiep can": "access",
    "tang truong": "growth",
    "tai tro": "grant",
    "dich vu": "service",
    "nhan dan": "people",
    "nhan dao": "humanitarian",
    "nhan quyen": "human right",
    "quyen": "right",
    "tu do": "freedom|free",
    "dan chu": "democracy",
    "phap luat": "law",
    "hoa binh": "peace",
    "huu nghi": "friendship",
    "doan ket": "solidarity",
    "tinh nguyen": "volunteer",
    "tinh nguyen vien": "volunteer",
    "cuu chien binh": "veteran",
    "nan nhan": "victim",
    "khan cap": "emergency",
    "lao": "tuberculosis",
    "sot ret": "malaria",
    "thien tai": "disaster",
    "phong chong": "against|fight|prevention",
    "chong": "against|fight",
    "khong bien gioi": "without border",
    "khong": "without",
    "bien gioi": "border",
    # people and fields
    "tre em": "children",
    "nguoi viet nam": "vietnamese",
    "nguoi viet": "vietnamese",
    "nhi dong": "children",
    "thanh nien": "youth",
    "sinh vien": "student",
    "phu nu": "women",
    "nguoi cao tuoi": "elderly|age",
    "nguoi khuyet tat": "disability",
    "khuyet tat": "disability",
    "gia dinh": "family",
    "ke hoach hoa gia dinh": "family planning",
    "dan so": "population",
    "nhan loai": "humanity",
    "cong dong": "community",
    "bac si": "doctor",
    "thay thuoc": "doctor",
    "y te": "health",
    "suc khoe": "health",
    "cham soc": "care",
    "phau thuat": "surgery",
    "mat": "eye",
    "thi luc": "sight|vision",
    "tam nhin": "vision",
    "di cu": "migration",
    "lao dong": "labour",
    "nong dan": "farmer",
    "luat su": "lawyer|bar",
    "luat gia": "lawyer",
    "nguoi mu": "blind",
    "nguoi diec": "deaf",
    "cong cong": "public",
    "ung thu": "cancer",
    "bao tro": "support|sponsorship",
    "trung uong": "central",
    "ma tuy": "drug",
    "toi pham": "crime",
    "thuong vong": "injury",
    "phong ngua": "prevention",
    "cai thien": "improved",
    "ben vung": "sustainable",
    "hoi nhap": "integration",
    "bao hiem": "insurance",
    "nguoi ti nan": "refugee",
    "ti nan": "refugee",
    "tre mo coi": "orphan",
    "mo coi": "orphan",
    "binh dang gioi": "gender equality",
    "ung pho": "response",
    "bien doi khi hau": "climate change",
    "khi hau": "climate",
    "nang luong": "energy",
    "giam ngheo": "poverty reduction",
    "viec lam": "employment",
    "doanh nghiep": "enterprise|business",
    "thuong mai": "trade|commerce",
    "dau tu": "investment",
    "tai chinh": "finance",
    "kinh te": "economic",
    "xa hoi": "social",
    "van hoa": "culture",
    "nghe thuat": "art",
    "giao duc": "education",
    "dao tao": "training",
    "hoc bong": "scholarship",
    "doc": "read",
    "sach": "book",
    "thu vien": "library",
    "khoa hoc": "science",
    "cong nghe": "technology",
    "cong nghiep": "industry",
    "ky thuat": "technical|engineering|technology",
    "nghien cuu": "research|study",
    "nong nghiep": "agriculture",
    "nong luong": "food agriculture",
    "luong thuc": "food",
    "thuc pham": "food",
    "dinh duong": "nutrition",
    "ngheo": "poverty|poor",
    "doi ngheo": "poverty",
    "doi": "hunger",
    "nong thon": "rural",
    "moi truong": "environment",
    "thien nhien": "nature",
    "bao ton": "conservation",
    "bao ve": "protection|conservation",
    "dong vat hoang da": "wildlife",
    "dong vat": "animal",
    "nuoc": "water",
    "nuoc sach": "clean water",
    "ve sinh": "sanitation",
    "rung": "forest",
    "bien": "sea|ocean",
    "song": "river",
    "song me kong": "mekong river",
    "di san": "heritage",
    "cong giao": "catholic",
    "thien chua giao": "catholic|christian",
    "tin lanh": "evangelical|protestant",
    "co doc": "christian",
    "phat giao": "buddhist",
    "ton giao": "religion",
    "chu thap do": "red cross",
    "hong thap tu": "red cross",
    "chat doc da cam": "agent orange",
    "bom min": "mine",
    "vat lieu chua no": "unexploded ordnance",
    "nha": "house|home",
    "ngoi nha": "house|home",
    "lang": "village",
    "thanh pho": "city",
    "tinh": "province",
    # places and images
    "chau a": "asia",
    "chau au": "europe",
    "chau phi": "africa",
    "chau my": "america",
    "dong nam a": "southeast asia",
    "thai binh duong": "pacific",
    "dai tay duong": "atlantic",
    "mekong": "mekong",
    "me kong": "mekong",
    "dong bang": "delta",
    "lien ket": "link",
    "dong": "east",
    "tay": "west",
    "bac": "north",
    "nam": "south",
    "hoi ngo": "meet",
    "xanh": "green|blue",
    "do": "red",
    "vang": "gold|yellow",
    "trang": "white",
    "rong": "dragon",
    "sen": "lotus",
    "tre": "bamboo",
    "nu cuoi": "smile",
    "trai tim": "heart",
    "ban tay": "hand",
    "anh sang": "light",
    "hy vong": "hope",
    "tuong lai": "future",
    "cay": "tree",
    # small words a translation adds
    "va": "",
    "cua": "",
    "tai": "",
    "cho": "",
    "ve": "",
    "vi": "",
    "o": "",
    "cac": "",
}
# Countries Vietnamese names use besides Babel's: "Mỹ" for the United States, "Anh" for the
# United Kingdom (also a given name: only as a name's last word, as "my" without its accent).
VIETNAMESE_COUNTRY_ALIASES = {"mỹ": "US", "anh": "GB", "trieu tien": "KP"}

# English words written several ways or in other European languages, one spelling each.
ONE_SPELLING = {
    **dict.fromkeys(
        "foundation fondation fundacion fundacao fondazione stiftung stichting fdn".split(),
        "foundation",
    ),
    **dict.fromkeys(
        "society societe verein asociacion associazione vereniging assoc assn".split(),
        "association",
    ),
    **dict.fromkeys("organisation organization org".split(), "organization"),
    **dict.fromkeys("agence agencia".split(), "agency"),
    **dict.fromkeys("developpement desarrollo entwicklung".split(), "development"),
    **dict.fromkeys(
        "internationale internacional internazionale international intl".split(), "international"
    ),
    **dict.fromkeys("centre zentrum centro ctr".split(), "center"),
    **dict.fromkeys("institut instituto istituto inst".split(), "institute"),
    **dict.fromkeys("programme programa".split(), "program"),
    **dict.fromkeys("save rescue relief secours".split(), "relief"),
    **dict.fromkeys("assistance".split(), "aid"),
    **dict.fromkeys("healthcare sante".split(), "health"),
    **dict.fromkeys("voluntary volunteers".split(), "volunteer"),
    **dict.fromkeys("doctors physicians medecins".split(), "doctor"),
    **dict.fromkeys("frontieres frontiere".split(), "border"),
    **dict.fromkeys("sans".split(), "without"),
    **dict.fromkeys("monde welt".split(), "world"),
    **dict.fromkeys("peoples".split(), "people"),
    **dict.fromkeys("child childrens kids enfants".split(), "children"),
    **dict.fromkeys("labor".split(), "labour"),
    **dict.fromkeys("funds fonds".split(), "fund"),
    **dict.fromkeys("disabled disabilities handicap".split(), "disability"),
    **dict.fromkeys("woman".split(), "women"),
    **dict.fromkeys("studies".split(), "study"),
    **dict.fromkeys("supporting".split(), "support"),
    # the adjective of a field reads as the field ("Agricultural Development": agriculture)
    "agricultural": "agriculture",
    "educational": "education",
    "scientific": "science",
    "cultural": "culture",
    "industrial": "industry",
    "environmental": "environment",
    "medical": "medicine",
    "medicale": "medicine",
    "economical": "economic",
    # general words of names typed in the organization's own language ("Brot für die Welt")
    **dict.fromkeys("hilfe aide ayuda aiuto hulp bistand".split(), "aid"),
    **dict.fromkeys("kinder enfance ninos infancia bambini kinderen".split(), "children"),
    **dict.fromkeys("mundo mondo wereld".split(), "world"),
    **dict.fromkeys("frieden paix paz pace vrede".split(), "peace"),
    **dict.fromkeys("gesundheit salud salute gezondheid".split(), "health"),
    **dict.fromkeys("femmes frauen mujeres donne".split(), "women"),
    **dict.fromkeys("zusammenarbeit cooperacion cooperazione samenwerking".split(), "cooperation"),
    **dict.fromkeys("solidarite solidaridad solidarieta solidaritat".split(), "solidarity"),
    **dict.fromkeys("kreuz croix cruz croce kruis kors".split(), "cross"),
    **dict.fromkeys("rotes rote rouge roja rossa rode roda".split(), "red"),
    **dict.fromkeys("contre gegen contra".split(), "against"),
    **dict.fromkeys("faim hunger hambre honger".split(), "hunger"),
    **dict.fromkeys("brot".split(), "bread"),
    **dict.fromkeys("eau wasser agua acqua".split(), "water"),
    **dict.fromkeys("ecole schule escuela scuola".split(), "school"),
    **dict.fromkeys("medico medicos arzte aerzte".split(), "doctor"),
    **dict.fromkeys("kirche kyrkan kirke kerk eglise iglesia chiesa".split(), "church"),
    **dict.fromkeys("kooperation cooperacao".split(), "cooperation"),
}
# Adjectives and short forms of countries, which Babel's territory names are not.
DEMONYMS = {
    "american": "US", "usa": "US", "uk": "GB", "britain": "GB", "great britain": "GB",
    "british": "GB", "english": "GB", "scottish": "GB", "korea": "KR", "korean": "KR",
    "japanese": "JP", "german": "DE", "french": "FR", "swiss": "CH", "swedish": "SE",
    "danish": "DK",
    "norwegian": "NO", "finnish": "FI", "dutch": "NL", "holland": "NL", "belgian": "BE",
    "austrian": "AT", "australian": "AU", "canadian": "CA", "italian": "IT", "spanish": "ES",
    "portuguese": "PT", "polish": "PL", "czech": "CZ", "hungarian": "HU", "russian": "RU",
    "chinese": "CN", "lao": "LA", "laotian": "LA", "cambodian": "KH", "thai": "TH",
    "indian": "IN", "cuban": "CU", "irish": "IE", "icelandic": "IS", "greek": "GR",
    "singaporean": "SG", "filipino": "PH", "philippine": "PH", "indonesian": "ID",
    "malaysian": "MY", "brazilian": "BR", "mexican": "MX", "israeli": "IL", "turkish": "TR",
    "iranian": "IR", "iraqi": "IQ", "mongolian": "MN", "taiwanese": "TW",
    "viet nam": "VN", "slovak": "SK", "slovenian": "SI", "ukrainian": "UA",
    "luxembourgish": "LU", "new zealand": "NZ",
    # the same adjectives in the country's own language ("Caritas Italiana")
    "deutsche": "DE", "deutscher": "DE", "deutsches": "DE", "francaise": "FR", "francais": "FR",
    "italiana": "IT", "italiano": "IT", "espanola": "ES", "espanol": "ES", "nederlandse": "NL",
    "svenska": "SE", "svensk": "SE", "svenske": "SE", "norsk": "NO", "norske": "NO", "dansk": "DK",
    "danske": "DK", "suomen": "FI", "osterreichische": "AT", "osterreichisches": "AT",
    "schweizerische": "CH", "schweizer": "CH", "belge": "BE", "polskie": "PL", "polski": "PL",
    "ceska": "CZ", "cesky": "CZ", "magyar": "HU",
}  # fmt: skip
#: country names shorter than this (Babel's "Áo", "Úc", "Y") are ordinary syllables elsewhere
COUNTRY_MIN_LENGTH = 4
# Babel's own codes for groups and placeholders, which no partner is from.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"})

# Letters only Vietnamese writes (French shares â, ê, ô and the acute and grave accents).
VIETNAMESE_LETTERS = frozenset("ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉĩịọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ")
#: a name without diacritics is also read as Vietnamese when its dictionary words cover this share
VIETNAMESE_SHARE = 0.6
#: the readings of one name kept when words have several senses
MAX_READINGS = 8
LONGEST_PHRASE = 5
#: a small word a name keeps in its initials or not ("Kreditanstalt für Wiederaufbau": KfW)
ACRONYM_SMALL_WORDS = frozenset(
    "the of and for in at on by with to de la le les du des et d l der die das und fur zu von "
    "del el los las di il della s a an pour para per y e och og".split()
)
#: shorter acronyms are only the initials of every significant word ("Médecins du Monde": MdM)
ACRONYM_MIN_LENGTH = 3
#: of two words, a syllable and an initial make a word ("Caritas España": "care"), no acronym
SYLLABLE_ACRONYM_MIN_WORDS = 3
#: of this many significant words, the initials may leave the last out (VAVA: Vietnam
#: Association for Victims of Agent Orange)
COMPLEMENT_ACRONYM_MIN_WORDS = 5
#: words at a name's end that its acronym leaves out: where the office is ("ADRA Vietnam")
PLACE_WORDS = frozenset("vietnam viet nam office representative representation".split())
#: kinds of body an acronym may leave out
GENERIC_CONCEPTS = frozenset("agency organization foundation association".split())
#: qualifiers an acronym may leave out ("Japan International Volunteer Center": JVC)
QUALIFIERS = frozenset("international national global".split())
#: a capitalised word run into the next one: "ActionAid", "DanChurchAid" (not "iDE", "KfW")
CAMEL = re.compile(r"([A-Z][a-z]+)(?=[A-Z][a-z])")


@cache
def country_names() -> dict[str, str]:
    """Every country's name in every language Babel knows, folded, with its ISO code.

    A name two countries share in different languages goes to the one most languages give it;
    names too short to tell from a syllable are left out.
    """
    from babel import Locale, localedata

    votes: dict[str, dict[str, int]] = {}
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:
            continue  # a region's variant of a language names countries as the language does
        for code, name in Locale.parse(identifier).territories.items():
            if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
                continue
            folded = normalise(name)
            if len(folded.replace(" ", "")) < COUNTRY_MIN_LENGTH:
                continue
            counts = votes.setdefault(folded, {})
            counts[code] = counts.get(code, 0) + 1
    names = {folded: max(counts, key=counts.get) for folded, counts in votes.items()}
    names.update({normalise(word): code for word, code in DEMONYMS.items()})
    return names


def english_country_name(code: str) -> str:
    """The English name of the country of ISO code `code`, or "" when there is none."""
    if code.upper() in NOT_COUNTRIES:
        return ""
    return _english_territories().get(code.upper(), "")


@cache
def _english_territories() -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse("en").territories)


@cache
def vietnamese_country_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Babel's Vietnamese names of countries: of several syllables, folded; of one syllable
    ("Đức", "Pháp"), as written, for the folded syllable is often another word (giáo dục);
    and folded, for a name typed without accents, where only its last word is read so."""
    from babel import Locale

    several, single, last = {}, {}, {}
    names = dict(Locale.parse("vi").territories)
    for code, name in [*names.items(), *((c, n) for n, c in VIETNAMESE_COUNTRY_ALIASES.items())]:
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        folded = normalise(name)
        if " " in folded:
            several[folded] = code
        elif folded:
            if name != folded:
                single[unicodedata.normalize("NFC", name.lower())] = code
            last[folded] = code
    return several, single, last


@cache
def vietnamese_syllables() -> frozenset[str]:
    return frozenset(word for phrase in VIETNAMESE_WORDS for word in phrase.split())


def is_vietnamese(text: str) -> bool:
    return not VIETNAMESE_LETTERS.isdisjoint(text.lower())


def _tokens(text: str) -> list[tuple[str, str]]:
    """The words of `text`, each as written (lower case) and folded."""
    if text.isascii():
        return [(word, word) for word in normalise(text).split()]
    tokens = []
    for raw in re.findall(r"\w+", unicodedata.normalize("NFC", text.lower())):
        folded = normalise(raw)
        for part in folded.split():  # "ß" or a ligature may fold to two words
            tokens.append((raw, part))
    return tokens


@lru_cache(maxsize=100_000)  # a register's vocabulary is far smaller than its names
def _spell(word: str) -> str:
    """One spelling, the plural's "s" dropped ("links", "services")."""
    word = ONE_SPELLING.get(word, word)
    if len(word) >= 5 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = ONE_SPELLING.get(word[:-1], word[:-1])
    return word


@cache
def _country_first_words() -> dict[str, int]:
    """The first word of every country name, with the most words a name starting so has."""
    longest: dict[str, int] = {}
    for name in country_names():
        words = name.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


def _read_country(folded: list[str], start: int, names: dict[str, str]) -> tuple[int, str]:
    most = _country_first_words().get(folded[start], 0)
    for length in range(min(most, len(folded) - start), 0, -1):
        code = names.get(" ".join(folded[start : start + length]))
        if code:
            return length, code
    return 0, ""


def _read_english(tokens: list[tuple[str, str]]) -> tuple[list[str], set[str]]:
    """Words of one spelling, countries as `#xx`; and the words that named a country."""
    folded = [word for _raw, word in tokens]
    names = country_names()
    words, country_words, index = [], set(), 0
    while index < len(folded):
        length, code = _read_country(folded, index, names)
        if length:
            words.append(COUNTRY_MARK + code.lower())
            country_words.add(" ".join(folded[index : index + length]))
            index += length
            continue
        words.append(folded[index])
        index += 1
    return words, country_words


def _read_vietnamese(tokens: list[tuple[str, str]]) -> tuple[list[str], set[str], int]:
    """English senses ("a|b" kept), countries as `#xx`, the words that named a country and how
    many words the dictionary read."""
    folded = [word for _raw, word in tokens]
    several, single, last_words = vietnamese_country_names()
    syllables = vietnamese_syllables()
    words, country_words, read, index = [], set(), 0, 0
    while index < len(folded):
        length, sense = 0, None
        for size in range(min(LONGEST_PHRASE, len(folded) - index), 1, -1):
            phrase = " ".join(folded[index : index + size])
            if phrase in VIETNAMESE_WORDS or phrase in several:
                length, sense = size, VIETNAMESE_WORDS.get(phrase)
                break
        if not length:
            raw, word = tokens[index]
            last = index == len(folded) - 1
            if raw in single or (last and raw == word and word in last_words):
                code = single.get(raw) or last_words[word]
                words.append(COUNTRY_MARK + code.lower())
                country_words.add(word)
                read, index = read + 1, index + 1
                continue
            if word in VIETNAMESE_WORDS:
                length, sense = 1, VIETNAMESE_WORDS[word]
        if length and sense is None:  # a country
            phrase = " ".join(folded[index : index + length])
            words.append(COUNTRY_MARK + several[phrase].lower())
            country_words.add(phrase)
        elif length:
            words.extend(sense.split())
        else:
            word = folded[index]
            english, countries = _read_english([tokens[index]])
            if word not in syllables and countries:  # "Deutschland" in a Vietnamese name
                country_words |= countries
            words.extend(english if word not in syllables else [word])
            length = 1
            read -= 1
        read += length
        index += length
    return words, country_words, read


def _senses(words: list[str]) -> list[list[str]]:
    """Each reading of words with several senses, at most MAX_READINGS."""
    options = [word.split("|") for word in words if word]
    readings = []
    for choice in product(*options):
        readings.append([_spell(word) if word[0] != COUNTRY_MARK else word for word in choice])
        if len(readings) == MAX_READINGS:
            break
    return readings


def meaning(text: str) -> tuple[list[list[str]], set[str], bool]:
    """The readings of a name (lists of words, in order), the words of it that named a
    country, and whether it was read as Vietnamese."""
    tokens = _tokens(text)
    if not tokens:
        return [], set(), False
    english, country_words = _read_english(tokens)
    readings = [[_spell(word) if word[0] != COUNTRY_MARK else word for word in english]]
    vietnamese = is_vietnamese(text)
    if vietnamese or any(word in vietnamese_syllables() for _raw, word in tokens):
        translated, vi_countries, read = _read_vietnamese(tokens)
        if vietnamese or read >= VIETNAMESE_SHARE * len(tokens):
            senses = _senses(translated)
            if not vietnamese and all(sense == readings[0] for sense in senses):
                return readings, country_words, False  # "Kinderhilfe Viet Nam": no translation
            readings = senses if vietnamese else readings + senses
            country_words = vi_countries if vietnamese else country_words | vi_countries
            vietnamese = True
    return readings, country_words, vietnamese


def split_camel_case(text: str) -> str:
    """ "ActionAid" -> "Action Aid", "HelpAge" -> "Help Age": initials hide in such words."""
    return CAMEL.sub(r"\1 ", text)


def _without_place(words: list[str]) -> tuple[list[str], str]:
    """`words` less the office in Viet Nam at their end ("... Relief Agency Vietnam"), and
    less a country at the end, which is then returned: its acronym ("Fred Hollows Foundation
    New Zealand": FHF) is only its own among partners of that country."""
    country = ""
    while len(words) > 1:
        if words[-1] in PLACE_WORDS:
            words = words[:-1]
            continue
        if country:
            break
        names = country_names()
        size = next((size for size in (3, 2, 1) if " ".join(words[-size:]) in names), 0)
        if not size or size >= len(words) - 1:
            break
        country, words = names[" ".join(words[-size:])], words[:-size]
    return words, country


def acronyms_of(words: list[str]) -> dict[str, str]:
    """The acronyms a name of `words` (folded, in order) may be shortened to.

    Initials of every word and of the words less the small ones, each also without the first
    word ("Deutsche Gesellschaft für Internationale Zusammenarbeit": GIZ), without the generic
    words ("Swiss Agency for Development and Cooperation": SDC) and without the country or
    office at the end; and with the first or last word giving two or three letters (KOFIH, PACCOM).
    Each with the country an acronym that leaves out the name's country belongs to, or "".
    """
    found = dict.fromkeys(_shortenings(words), "")
    placeless, country = _without_place(words)
    if placeless != words:
        for acronym in _shortenings(placeless):
            found.setdefault(acronym, country)
    return found


def _shortenings(words: list[str]) -> set[str]:
    significant = [word for word in words if word not in ACRONYM_SMALL_WORDS]
    telling = [word for word in significant if _spell(word) not in GENERIC_CONCEPTS]
    local = [word for word in significant if _spell(word) not in QUALIFIERS]
    found = set()
    for sequence in {tuple(words), tuple(significant), tuple(telling), tuple(local)}:
        if len(sequence) >= 2:
            initials = "".join(word[0] for word in sequence)
            found.add(initials)
            if len(sequence) > 2:
                found.add(initials[1:])
    if len(significant) >= SYLLABLE_ACRONYM_MIN_WORDS:
        # syllable acronyms take the first or the last word's syllable (KOFIH, PACCOM)
        initials = "".join(word[0] for word in significant)
        first, last = significant[0], significant[-1]
        for size in (2, 3):
            if len(first) > size:
                found.add(first[:size] + initials[1:])
            if len(last) > size:
                found.add(initials[:-1] + last[:size])
    if len(significant) >= COMPLEMENT_ACRONYM_MIN_WORDS:
        # an acronym older than the name's last word, a complement ("... Agent Orange/Dioxin")
        found.add("".join(word[0] for word in significant[:-1]))
    full = {"".join(word[0] for word in significant), "".join(word[0] for word in words)}
    return {acronym for acronym in found if len(acronym) >= ACRONYM_MIN_LENGTH or acronym in full}


@cache
def _english_to_vietnamese() -> dict[str, list[str]]:
    phrases: dict[str, list[str]] = {}
    for phrase, senses in VIETNAMESE_WORDS.items():
        for sense in senses.split("|"):
            for word in sense.split():
                phrases.setdefault(_spell(word), []).append(phrase)
    return phrases


def vietnamese_phrases_of(word: str) -> list[str]:
    """The Vietnamese words (folded) that read `word`: "pacific" -> ["thai binh duong"]; for
    a country (`#de`), its Vietnamese and English names."""
    if word.startswith(COUNTRY_MARK):
        from babel import Locale

        code = word[1:].upper()
        return [
            normalise(Locale.parse(language).territories.get(code, "")) for language in ("vi", "en")
        ]
    return [phrase for phrase in _english_to_vietnamese().get(word, []) if phrase]
