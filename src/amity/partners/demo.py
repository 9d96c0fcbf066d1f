"""The demo data set of the partner database: foreign partners, who holds them, what happened.

Everything here is invented for demonstration (organizations, people, numbers, dates) and marked as
such: every partner has "[demo]" in its notes and an `external_ref` "demo-partner-NNN". It builds on
the registry's demo set (`amity.organizations.demo`, loaded before it): the Standing Agency's
departments lead the embassies and international organizations, the country friendship
associations the partners of their country, the provincial Unions the NGOs working in their
province. Names follow the styles of the real partner landscape (development NGOs, counterpart
friendship societies, embassies, parliamentary friendship groups, universities, overseas Vietnamese
associations, individual friends) without naming a real one on purpose.

Dated records stop at HORIZON so that the set is the same whenever it is loaded; only the NGO
registrations are placed around today, so that "expires soon" and "expired" always show.

`load(stdout)` writes it all in a few bulk statements; `amity demo` calls it inside one transaction.
"""

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.management.base import CommandError
from django.db.models import OuterRef, Subquery
from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.geo.models import Country, Province
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.demo import FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE
from amity.organizations.models import Organization, Person
from amity.partners.choices import (
    FollowUpState,
    HolderRole,
    InteractionKind,
    PartnerKind,
    PartnerStatus,
    RegistrationType,
    Sensitivity,
)
from amity.partners.models import (
    Contact,
    FieldOfWork,
    FollowUp,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)
from amity.partners.text import normalise

SEED = 2025
MARK = "[demo]"
REF_PREFIX = "demo-partner-"
FIRST_DAY = date(2019, 1, 1)
#: interactions and follow-ups stop here, like the registry's demo meetings
HORIZON = date(2025, 12, 15)
#: no interaction after this day for the partners meant to show as gone quiet
QUIET_SINCE = date(2022, 12, 31)
#: the latest interaction of a partner in regular contact falls after this day
RECENT_FROM = date(2025, 6, 1)
AUTHORITY = "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài"

# --- Countries ----------------------------------------------------------------------------------

# code → (English name after "Embassy of", culture of personal names, city, Vietnamese name)
COUNTRIES = {
    # Americas
    "US": ("the United States of America", "en", "Washington, D.C.", "Hoa Kỳ"),
    "CA": ("Canada", "en", "Ottawa", "Canada"),
    "CU": ("the Republic of Cuba", "es", "La Habana", "Cuba"),
    "BR": ("the Federative Republic of Brazil", "pt", "Brasília", "Brazil"),
    "AR": ("the Argentine Republic", "es", "Buenos Aires", "Argentina"),
    "CL": ("the Republic of Chile", "es", "Santiago", "Chile"),
    "MX": ("the United Mexican States", "es", "Ciudad de México", "Mexico"),
    "VE": ("the Bolivarian Republic of Venezuela", "es", "Caracas", "Venezuela"),
    "NI": ("the Republic of Nicaragua", "es", "Managua", "Nicaragua"),
    # Europe
    "GB": ("the United Kingdom", "en", "London", "Vương quốc Anh"),
    "IE": ("Ireland", "en", "Dublin", "Ireland"),
    "FR": ("France", "fr", "Paris", "Pháp"),
    "DE": ("the Federal Republic of Germany", "de", "Berlin", "Đức"),
    "NL": ("the Kingdom of the Netherlands", "nl", "Den Haag", "Hà Lan"),
    "BE": ("the Kingdom of Belgium", "fr", "Bruxelles", "Bỉ"),
    "CH": ("Switzerland", "de", "Bern", "Thụy Sĩ"),
    "AT": ("the Republic of Austria", "de", "Wien", "Áo"),
    "SE": ("Sweden", "nordic", "Stockholm", "Thụy Điển"),
    "NO": ("the Kingdom of Norway", "nordic", "Oslo", "Na Uy"),
    "DK": ("Denmark", "nordic", "København", "Đan Mạch"),
    "FI": ("Finland", "nordic", "Helsinki", "Phần Lan"),
    "IT": ("Italy", "it", "Roma", "Italy"),
    "ES": ("Spain", "es", "Madrid", "Tây Ban Nha"),
    "PT": ("Portugal", "pt", "Lisboa", "Bồ Đào Nha"),
    "PL": ("the Republic of Poland", "pl", "Warszawa", "Ba Lan"),
    "CZ": ("the Czech Republic", "cz", "Praha", "Séc"),
    "HU": ("Hungary", "hu", "Budapest", "Hungary"),
    "BG": ("the Republic of Bulgaria", "ru", "Sofia", "Bulgaria"),
    "RU": ("the Russian Federation", "ru", "Moskva", "Nga"),
    "UA": ("Ukraine", "ru", "Kyiv", "Ukraina"),
    # Asia
    "JP": ("Japan", "ja", "Tokyo", "Nhật Bản"),
    "KR": ("the Republic of Korea", "ko", "Seoul", "Hàn Quốc"),
    "KP": ("the Democratic People's Republic of Korea", "ko", "Pyongyang", "Triều Tiên"),
    "CN": ("the People's Republic of China", "zh", "Beijing", "Trung Quốc"),
    "MN": ("Mongolia", "mn", "Ulaanbaatar", "Mông Cổ"),
    "LA": ("the Lao People's Democratic Republic", "lo", "Vientiane", "Lào"),
    "KH": ("the Kingdom of Cambodia", "km", "Phnom Penh", "Campuchia"),
    "TH": ("the Kingdom of Thailand", "th", "Bangkok", "Thái Lan"),
    "SG": ("the Republic of Singapore", "en", "Singapore", "Singapore"),
    "MY": ("Malaysia", "id", "Kuala Lumpur", "Malaysia"),
    "ID": ("the Republic of Indonesia", "id", "Jakarta", "Indonesia"),
    "PH": ("the Republic of the Philippines", "en", "Manila", "Philippines"),
    "MM": ("the Republic of the Union of Myanmar", "en", "Yangon", "Myanmar"),
    "IN": ("the Republic of India", "in", "New Delhi", "Ấn Độ"),
    "BD": ("the People's Republic of Bangladesh", "in", "Dhaka", "Bangladesh"),
    "TR": ("the Republic of Türkiye", "ar", "Ankara", "Thổ Nhĩ Kỳ"),
    "IL": ("the State of Israel", "en", "Tel Aviv", "Israel"),
    "AE": ("the United Arab Emirates", "ar", "Abu Dhabi", "UAE"),
    "KZ": ("the Republic of Kazakhstan", "ru", "Astana", "Kazakhstan"),
    # Oceania
    "AU": ("Australia", "en", "Canberra", "Australia"),
    "NZ": ("New Zealand", "en", "Wellington", "New Zealand"),
    "FJ": ("the Republic of Fiji", "en", "Suva", "Fiji"),
    # Africa
    "ZA": ("the Republic of South Africa", "af", "Pretoria", "Nam Phi"),
    "EG": ("the Arab Republic of Egypt", "ar", "Cairo", "Ai Cập"),
    "DZ": ("the People's Democratic Republic of Algeria", "ar", "Alger", "Algeria"),
    "MZ": ("the Republic of Mozambique", "af", "Maputo", "Mozambique"),
    "AO": ("the Republic of Angola", "af", "Luanda", "Angola"),
    "NG": ("the Federal Republic of Nigeria", "af", "Abuja", "Nigeria"),
    "KE": ("the Republic of Kenya", "af", "Nairobi", "Kenya"),
}
#: countries of Asia followed by the Department of Africa–West Asia Affairs
WEST_ASIA = {"TR", "IL", "AE", "KZ"}
NEIGHBOURS = ["LA", "KH", "TH", "MM", "PH", "ID", "MY"]

# Personal names by culture: (male given, female given, family, female family or None). Names of
# the cultures in FAMILY_FIRST are written family name first, as their owners write them.
NAMES = {
    "en": (
        ["James", "Michael", "David", "Robert", "Thomas", "Daniel", "Peter", "Andrew", "Mark",
         "Brian", "Kevin", "Patrick", "Graham", "Neil"],
        ["Sarah", "Emily", "Laura", "Karen", "Rachel", "Helen", "Susan", "Claire", "Julia",
         "Megan", "Alison", "Fiona", "Margaret", "Eleanor"],
        ["Holloway", "Whitfield", "Brennan", "Carver", "Donnelly", "Fairbanks", "Gardner",
         "Hartley", "Mercer", "Norwood", "Pembroke", "Radford", "Sutton", "Thornton", "Ashford",
         "Calloway", "Dunmore", "Ellison", "Farrow", "Garrison", "Hale", "Lockwood"],
        None,
    ),
    "fr": (
        ["Pierre", "Jean-Luc", "Mathieu", "Laurent", "Olivier", "François", "Thierry", "Benoît"],
        ["Claire", "Isabelle", "Sophie", "Élodie", "Camille", "Hélène", "Margaux", "Agnès"],
        ["Lefèvre", "Moreau", "Fontaine", "Girard", "Rousseau", "Chevalier", "Marchand",
         "Lambert", "Duval", "Garnier", "Perrin", "Mercier"],
        None,
    ),
    "de": (
        ["Jörg", "Matthias", "Stefan", "Jürgen", "Tobias", "Lukas", "Andreas", "Klaus"],
        ["Anke", "Katrin", "Sabine", "Ute", "Birgit", "Heike", "Friederike", "Monika"],
        ["Brandt", "Schröder", "Weber", "Hoffmann", "Krüger", "Lehmann", "Vogel", "Zimmermann",
         "Hartmann", "Kühn", "Böhm", "Seidel"],
        None,
    ),
    "nl": (
        ["Pieter", "Joost", "Wouter", "Bram", "Maarten", "Sjoerd"],
        ["Anouk", "Maartje", "Sanne", "Femke", "Ineke", "Lotte"],
        ["de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Mulder", "van den Berg", "Jansen"],
        None,
    ),
    "nordic": (
        ["Lars", "Henrik", "Erik", "Nils", "Magnus", "Jukka", "Ole"],
        ["Ingrid", "Astrid", "Sigrid", "Maja", "Kari", "Liisa", "Karin"],
        ["Johansson", "Lindqvist", "Andersen", "Haugland", "Nyberg", "Solberg", "Christensen",
         "Berglund", "Dahl", "Virtanen", "Korhonen"],
        None,
    ),
    "it": (
        ["Marco", "Luca", "Paolo", "Andrea", "Giorgio", "Stefano"],
        ["Giulia", "Francesca", "Chiara", "Elena", "Silvia", "Valentina"],
        ["Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Conti", "De Luca"],
        None,
    ),
    "es": (
        ["Javier", "Alejandro", "Diego", "Carlos", "Ernesto", "Raúl", "Jorge"],
        ["Carmen", "Lucía", "Marta", "Rosa", "Yanelis", "Mariela", "Isabel"],
        ["García", "Fernández", "Morales", "Castillo", "Herrera", "Ortega", "Delgado", "Rivera",
         "Vargas", "Suárez"],
        None,
    ),
    "pt": (
        ["João", "Rafael", "Tiago", "Gustavo", "Mário", "Eduardo"],
        ["Ana", "Beatriz", "Mariana", "Luíza", "Fernanda", "Joana"],
        ["Silva", "Oliveira", "Costa", "Almeida", "Ferreira", "Carvalho", "Rocha", "Barbosa"],
        None,
    ),
    "ru": (
        ["Dmitry", "Sergei", "Alexei", "Mikhail", "Andrei", "Vladimir", "Nikolai"],
        ["Irina", "Olga", "Natalia", "Yelena", "Tatiana", "Svetlana", "Anna"],
        ["Sokolov", "Morozov", "Volkov", "Lebedev", "Kozlov", "Novikov", "Orlov", "Belov"],
        ["Sokolova", "Morozova", "Volkova", "Lebedeva", "Kozlova", "Novikova", "Orlova",
         "Belova"],
    ),
    "pl": (
        ["Tomasz", "Piotr", "Marek", "Krzysztof", "Paweł"],
        ["Agnieszka", "Katarzyna", "Joanna", "Magdalena", "Ewa"],
        ["Wiśniewski", "Lewandowski", "Zieliński", "Kamiński", "Dąbrowski"],
        ["Wiśniewska", "Lewandowska", "Zielińska", "Kamińska", "Dąbrowska"],
    ),
    "cz": (
        ["Jan", "Petr", "Tomáš", "Martin", "Jiří"],
        ["Jana", "Lenka", "Petra", "Hana", "Markéta"],
        ["Novák", "Dvořák", "Černý", "Procházka", "Kučera"],
        ["Nováková", "Dvořáková", "Černá", "Procházková", "Kučerová"],
    ),
    "hu": (
        ["László", "Gábor", "Zoltán", "Péter", "Attila"],
        ["Katalin", "Zsuzsanna", "Eszter", "Anikó", "Judit"],
        ["Nagy", "Kovács", "Szabó", "Tóth", "Horváth", "Varga"],
        None,
    ),
    "ja": (
        ["Hiroshi", "Kenji", "Takeshi", "Daisuke", "Yuichi", "Masato", "Shinji"],
        ["Keiko", "Yuko", "Naoko", "Akiko", "Mariko", "Haruka", "Emi"],
        ["Yamamoto", "Takahashi", "Nakamura", "Kobayashi", "Matsuda", "Fujii", "Ishikawa",
         "Ogawa", "Morita", "Sakai"],
        None,
    ),
    "ko": (
        ["Min-jun", "Seung-ho", "Jae-won", "Dong-hyun", "Sung-min", "Tae-yang"],
        ["Ji-young", "Soo-jin", "Hye-won", "Eun-ji", "Min-seo", "Yu-na"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Han", "Shin", "Oh"],
        None,
    ),
    "zh": (
        ["Wei", "Jianguo", "Haoran", "Zhiqiang", "Jun", "Ming"],
        ["Xiaomei", "Fang", "Jing", "Yuting", "Hui", "Lan"],
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang"],
        None,
    ),
    "mn": (
        ["Batbayar", "Gantulga", "Erdenebat", "Tsogt"],
        ["Oyuntsetseg", "Enkhjargal", "Sarangerel", "Nomin"],
        ["Dorj", "Tseren", "Ganbold", "Purev"],
        None,
    ),
    "lo": (
        ["Somphone", "Khamphet", "Bounmy", "Phouvong", "Sengdao"],
        ["Manivone", "Souksavanh", "Chanthala", "Viengkham", "Phonemany"],
        ["Keomany", "Phommachanh", "Sisouphanh", "Vongsa", "Inthavong", "Chanthavong"],
        None,
    ),
    "km": (
        ["Dara", "Vuthy", "Sovann", "Rithy", "Sophal"],
        ["Sreymom", "Chanthy", "Bopha", "Sokha", "Malis"],
        ["Sok", "Chea", "Keo", "Heng", "Meas", "Chan"],
        None,
    ),
    "th": (
        ["Somchai", "Anan", "Prasert", "Chaiwat", "Narong"],
        ["Siriporn", "Malee", "Kanya", "Orawan", "Pornthip"],
        ["Wongsakul", "Srisuk", "Chaiyaporn", "Boonmee", "Rattanakul", "Thongdee"],
        None,
    ),
    "id": (
        ["Budi", "Agus", "Hendra", "Rudi", "Faisal"],
        ["Dewi", "Sri", "Ratna", "Wulan", "Nurul"],
        ["Santoso", "Wijaya", "Hidayat", "Kusuma", "Pratama", "Nugroho", "Rahman"],
        None,
    ),
    "in": (
        ["Rajesh", "Arjun", "Vikram", "Sanjay", "Anil"],
        ["Priya", "Anjali", "Meera", "Kavita", "Sunita"],
        ["Sharma", "Iyer", "Menon", "Gupta", "Reddy", "Banerjee", "Nair", "Rahman"],
        None,
    ),
    "ar": (
        ["Ahmed", "Omar", "Khaled", "Youssef", "Tarek", "Mehmet"],
        ["Nour", "Layla", "Mariam", "Salma", "Aylin"],
        ["Haddad", "Mansour", "El-Sayed", "Farouk", "Nasser", "Khalil", "Demir"],
        None,
    ),
    "af": (
        ["Thabo", "Sipho", "Kwame", "Otieno", "Tendai", "Joaquim"],
        ["Wanjiru", "Nomvula", "Amina", "Zanele", "Graça"],
        ["Mokoena", "Dlamini", "Ndlovu", "Kamau", "Mensah", "Okafor", "Mwangi", "Machava"],
        None,
    ),
}  # fmt: skip
FAMILY_FIRST = {"ko", "zh", "km"}
LANGUAGES = {
    "en": "English", "fr": "French", "de": "German", "nl": "Dutch", "nordic": "English",
    "it": "Italian", "es": "Spanish", "pt": "Portuguese", "ru": "Russian", "pl": "Polish",
    "cz": "Czech", "hu": "Hungarian", "ja": "Japanese", "ko": "Korean", "zh": "Chinese",
    "mn": "Mongolian", "lo": "Lao", "km": "Khmer", "th": "Thai", "id": "Indonesian",
    "in": "English", "ar": "Arabic", "af": "English",
}  # fmt: skip

# --- Fields of work and what the network does together ------------------------------------------

#: fields of work by kind of partner (codes of fields_of_work.json, with weights)
FIELDS_BY_KIND = {
    PartnerKind.NGO: [
        ("110", 6), ("120", 7), ("130", 2), ("140", 4), ("150", 2), ("160", 5), ("210", 1),
        ("230", 1), ("240", 2), ("310", 4), ("410", 3), ("430", 2), ("520", 1), ("720", 2),
        ("730", 1), ("740", 3), ("F-LEGACY", 3), ("F-YOUTH", 1),
    ],
    PartnerKind.EMBASSY: [("F-PEACE", 5), ("F-CULTURE", 3), ("F-INVEST", 2), ("331", 1)],
    PartnerKind.INTERNATIONAL_ORG: [
        ("150", 3), ("410", 3), ("740", 2), ("120", 2), ("110", 2), ("F-PEACE", 2), ("310", 1),
    ],
    PartnerKind.GOVERNMENT: [("F-PEACE", 3), ("150", 2), ("F-INVEST", 2), ("332", 1)],
    PartnerKind.PARLIAMENT: [("F-PEACE", 4), ("150", 2), ("331", 1)],
    PartnerKind.RESEARCH: [("F-SCIENCE", 4), ("150", 2), ("410", 2), ("F-PEACE", 1), ("331", 1)],
    PartnerKind.UNIVERSITY: [
        ("110", 4), ("F-YOUTH", 3), ("F-LANGUAGE", 2), ("F-SCIENCE", 3), ("120", 1),
    ],
    PartnerKind.ENTERPRISE: [
        ("F-INVEST", 4), ("250", 3), ("230", 2), ("320", 2), ("332", 1), ("310", 1), ("220", 1),
    ],
    PartnerKind.RELIGIOUS: [("F-RELIGION", 5), ("160", 2), ("720", 1), ("120", 1), ("110", 1)],
    PartnerKind.MEDIA: [("F-MEDIA", 5), ("F-CULTURE", 2), ("220", 1)],
    PartnerKind.OVERSEAS_VIETNAMESE: [
        ("F-OVERSEAS", 5), ("F-CULTURE", 2), ("F-INVEST", 2), ("F-LANGUAGE", 2), ("F-YOUTH", 1),
    ],
    PartnerKind.INDIVIDUAL: [
        ("F-PEACE", 4), ("F-LEGACY", 2), ("F-CULTURE", 2), ("110", 1), ("120", 1),
    ],
    PartnerKind.OTHER: [("F-PEACE", 4), ("F-CULTURE", 2), ("F-SPORTS", 2), ("F-YOUTH", 2)],
}  # fmt: skip
#: friendship societies abroad work for friendship first
FRIENDSHIP_FIELDS = [("F-PEACE", 5), ("F-CULTURE", 3), ("F-YOUTH", 1), ("F-LEGACY", 1)]

TOPICS = {
    "110": ["dự án học bổng cho học sinh nghèo vượt khó", "dự án xây dựng điểm trường mầm non"],
    "120": ["chương trình khám chữa bệnh nhân đạo", "dự án nâng cao năng lực y tế tuyến xã"],
    "130": ["dự án chăm sóc sức khỏe sinh sản vị thành niên"],
    "140": ["dự án cấp nước sạch và nhà vệ sinh trường học"],
    "150": ["chương trình tập huấn nâng cao năng lực cho cán bộ cơ sở"],
    "160": ["dự án hỗ trợ người khuyết tật hòa nhập cộng đồng", "dự án nhà tình thương"],
    "210": ["dự án xây cầu dân sinh"],
    "220": ["dự án thư viện số cho trường học vùng khó khăn"],
    "230": ["dự án điện mặt trời áp mái cho trạm y tế"],
    "240": ["chương trình tín dụng vi mô cho phụ nữ nông thôn"],
    "250": ["chương trình hỗ trợ khởi nghiệp cho thanh niên"],
    "310": ["dự án sinh kế nông nghiệp bền vững", "mô hình nuôi trồng thủy sản thích ứng"],
    "320": ["chương trình dạy nghề cơ khí cho thanh niên"],
    "331": ["hội thảo xúc tiến thương mại"],
    "332": ["dự án du lịch cộng đồng"],
    "410": ["dự án trồng rừng ngập mặn", "dự án ứng phó với biến đổi khí hậu"],
    "430": ["chương trình phát triển cộng đồng tổng hợp"],
    "520": ["chương trình hỗ trợ lương thực cho hộ nghèo"],
    "720": ["chương trình cứu trợ khẩn cấp sau bão lũ"],
    "730": ["dự án dựng lại nhà ở sau thiên tai"],
    "740": ["dự án phòng chống thiên tai dựa vào cộng đồng"],
    "F-CULTURE": ["chương trình giao lưu văn hóa nghệ thuật"],
    "F-PEACE": ["hoạt động vun đắp tình hữu nghị giữa nhân dân hai nước"],
    "F-RELIGION": ["chương trình trao đổi về tự do tín ngưỡng, tôn giáo"],
    "F-SCIENCE": ["chương trình hợp tác nghiên cứu khoa học"],
    "F-INVEST": ["chương trình kết nối doanh nghiệp và xúc tiến đầu tư"],
    "F-YOUTH": ["chương trình trao đổi thanh niên, sinh viên"],
    "F-LEGACY": [
        "dự án hỗ trợ nạn nhân chất độc da cam/dioxin",
        "dự án rà phá bom mìn, vật liệu nổ sau chiến tranh",
    ],
    "F-OVERSEAS": ["chương trình kết nối kiều bào với quê hương"],
    "F-MEDIA": ["chương trình thông tin đối ngoại về Việt Nam"],
    "F-SPORTS": ["giải giao hữu thể thao hữu nghị"],
    "F-LANGUAGE": ["lớp dạy tiếng Việt cho con em kiều bào"],
}

TAGS = {
    "F-LEGACY": "chất độc da cam",
    "160": "người khuyết tật",
    "410": "biến đổi khí hậu",
    "740": "phòng chống thiên tai",
    "110": "học bổng",
    "120": "y tế",
    "F-OVERSEAS": "kiều bào",
}
EXTRA_TAGS = {
    "": ["đối tác chiến lược", "ưu tiên 2025"],
    PartnerKind.NGO: ["nhân đạo", "vận động viện trợ"],
    PartnerKind.GOVERNMENT: ["kết nghĩa"],
    PartnerKind.OTHER: ["kết nghĩa", "cựu chiến binh"],
    PartnerKind.INDIVIDUAL: ["cựu chiến binh", "đề nghị khen thưởng"],
    PartnerKind.RELIGIOUS: ["nhân đạo"],
    PartnerKind.ENTERPRISE: ["trách nhiệm xã hội"],
}

#: why a partner has its strength: by strength for active partners, else by status
STRENGTH_REASONS = {
    5: [
        "Đối tác truyền thống, phối hợp thường xuyên",
        "Quan hệ rất gắn bó; lãnh đạo hai bên gặp nhau hằng năm",
    ],
    4: ["Phối hợp tốt, có kế hoạch hợp tác hằng năm", "Đầu mối liên hệ ổn định, phản hồi nhanh"],
    3: ["Quan hệ ổn định nhưng chưa thường xuyên", "Có hoạt động chung, chưa có kế hoạch dài hạn"],
    2: ["Ít liên lạc, chủ yếu qua thư chúc mừng", "Thay đổi đầu mối liên hệ, cần củng cố lại"],
    PartnerStatus.PROSPECTIVE: [
        "Mới tiếp cận, chưa có hoạt động chung",
        "Được một đối tác khác giới thiệu, đang tìm hiểu",
    ],
    PartnerStatus.DORMANT: [
        "Không còn liên lạc từ sau năm 2022",
        "Đầu mối cũ đã nghỉ, chưa nối lại quan hệ",
    ],
    PartnerStatus.ENDED: [
        "Đã kết thúc hoạt động chung",
        "Đối tác đã rút khỏi Việt Nam",
    ],
}  # fmt: skip

# --- Names of partners --------------------------------------------------------------------------

# English-style development NGOs: a core (English, Vietnamese) and a form around it. Each core
# is used once and shares no word with another name, so that the only near-duplicates in the
# set are the ones seeded on purpose (PartnerDemo.plan_duplicates).
NGO_CORES = [
    ("Morning Star", "Sao Mai"), ("Evergreen", "Thường xanh"), ("Silver Years", "Tuổi bạc"),
    ("Highland Hope", "Hy vọng vùng cao"), ("Delta Livelihoods", "Sinh kế đồng bằng"),
    ("Quiet Waters", "Dòng nước hiền"), ("First Light", "Tia sáng đầu tiên"),
    ("Sunrise Health", "Sức khỏe Bình minh"), ("Common Ground", "Điểm tựa chung"),
    ("Helping Hearts", "Những trái tim nhân ái"), ("Safe Steps", "Bước chân an toàn"),
    ("New Dawn", "Bình minh mới"), ("Little Lanterns", "Những chiếc đèn lồng nhỏ"),
    ("Village Wells", "Giếng làng"), ("Healing Hands", "Bàn tay chữa lành"),
    ("Lotus Children", "Trẻ em Hoa Sen"), ("Seeds of Learning", "Hạt giống tri thức"),
    ("Good Harvest", "Được mùa"), ("Clear Sight", "Ánh sáng đôi mắt"),
    ("Fresh Start", "Khởi đầu mới"), ("Coastal Resilience", "Vững vàng vùng ven biển"),
    ("Steady Footing", "Vững bước"), ("Warm Hearth", "Mái ấm"), ("Open Books", "Sách mở"),
    ("Rainbow", "Cầu vồng"), ("Kind Roots", "Cội nguồn nhân ái"), ("Pathways", "Những con đường"),
    ("Lighthouse", "Ngọn hải đăng"), ("Wellspring", "Nguồn sống"),
    ("Stepping Stones", "Những bậc đá"), ("Blue Heron", "Diệc xanh"),
    ("Golden Thread", "Sợi chỉ vàng"), ("Misty Peaks", "Đỉnh núi mờ sương"),
    ("Paper Cranes", "Những cánh hạc giấy"), ("Wide Sky", "Bầu trời rộng"), ("Firefly", "Đom đóm"),
    ("Compass", "La bàn"), ("Flying Kites", "Cánh diều"), ("Banyan Tree", "Cây đa"),
    ("Jade Valley", "Thung lũng Ngọc"), ("Olive Branch", "Cành ô liu"),
    ("Anchor Point", "Điểm neo"), ("Green Sprouts", "Mầm xanh"), ("Clean Air", "Không khí sạch"),
    ("Full Bowls", "Bát cơm đầy"), ("Solar Schools", "Trường học năng lượng mặt trời"),
    ("Tidewater", "Con nước"), ("Many Voices", "Nhiều tiếng nói"),
    ("Listening Ears", "Đôi tai lắng nghe"), ("Courage Circle", "Vòng tròn dũng cảm"),
    ("Reading Corners", "Góc đọc sách"), ("Sunny Smiles", "Nụ cười tỏa nắng"),
    ("Bright Minds", "Trí tuệ tỏa sáng"), ("Living Soil", "Đất sống"), ("Crossroads", "Giao lộ"),
    ("White Orchid", "Lan trắng"), ("Phoenix Rising", "Phượng hoàng"),
    ("Cloud Forest", "Rừng mây"), ("Sparrow's Nest", "Tổ chim sẻ"), ("Monsoon", "Gió mùa"),
    ("Evening Bell", "Chuông chiều"), ("Moonlight", "Ánh trăng"), ("Hilltop", "Trên đồi"),
    ("Riverbend", "Khúc quanh dòng sông"),
]  # fmt: skip
NGO_FORMS = [
    ("{c} Foundation", "Quỹ {v}", 4), ("{c} International", "Tổ chức {v} Quốc tế", 3),
    ("{c} Alliance", "Liên minh {v}", 1), ("{c} Network", "Mạng lưới {v}", 1),
    ("{c} Initiative", "Sáng kiến {v}", 1), ("{c} Fund", "Quỹ {v}", 2),
    ("{c} Trust", "Quỹ tín thác {v}", 1), ("{c} for Viet Nam", "Tổ chức {v} vì Việt Nam", 2),
    ("{c} Asia", "Tổ chức {v} châu Á", 2), ("{c} Society", "Hội {v}", 1),
]  # fmt: skip
#: how NGOs of some countries name themselves in English, and how Vietnamese says it
NGO_PREFIX = {
    "JP": ("Japan", "Nhật Bản"), "KR": ("Korea", "Hàn Quốc"), "AU": ("Australian", "Australia"),
    "CA": ("Canadian", "Canada"), "SG": ("Singapore", "Singapore"), "IN": ("India", "Ấn Độ"),
    "NZ": ("Kiwi", "New Zealand"), "IE": ("Irish", "Ireland"), "PH": ("Philippine", "Philippines"),
    "ZA": ("African", "châu Phi"),
}  # fmt: skip
#: where NGOs named without a place have their headquarters
HQ_CITIES = {
    "US": ["Washington, D.C.", "New York", "Seattle", "San Francisco", "Boston", "Chicago",
           "Portland", "Minneapolis", "Denver"],
    "CA": ["Ottawa", "Toronto", "Vancouver", "Montréal"],
    "GB": ["London", "Oxford", "Manchester", "Edinburgh", "Bristol"],
    "JP": ["Tokyo", "Osaka", "Fukuoka", "Nagoya", "Sendai"],
    "KR": ["Seoul", "Busan", "Incheon"],
    "AU": ["Sydney", "Melbourne", "Brisbane", "Perth"],
}  # fmt: skip

# NGOs named in their own language: (name, English name, Vietnamese name, acronym)
NATIVE_NGOS = {
    "FR": [
        ("Enfants du Fleuve Rouge", "Children of the Red River", "Trẻ em sông Hồng", "EFR"),
        ("Solidarité Villages Vietnam", "Viet Nam Villages Solidarity",
         "Đoàn kết các làng Việt Nam", "SVV"),
        ("Médecins pour les Hauts Plateaux", "Doctors for the Highlands",
         "Bác sĩ vì Tây Nguyên", "MHP"),
        ("Les Amis de Hội An", "Friends of Hoi An", "Những người bạn của Hội An", ""),
        ("Eau Claire Mékong", "Clear Water Mekong", "Nước sạch Mê Kông", "ECM"),
        ("Fondation Pont de Bambou", "Bamboo Bridge Foundation", "Quỹ Cầu Tre", ""),
    ],
    "DE": [
        ("Hilfswerk Mekong-Delta e.V.", "Mekong Delta Aid", "Tổ chức Trợ giúp đồng bằng Mê Kông",
         "HMD"),
        ("Stiftung Kinderzukunft Vietnam", "Children's Future Foundation Viet Nam",
         "Quỹ Tương lai trẻ em Việt Nam", ""),
        ("Brückenbau Asien e.V.", "Bridge Building Asia", "Tổ chức Xây cầu châu Á", ""),
        ("Ärzte für Zentralvietnam e.V.", "Doctors for Central Viet Nam",
         "Bác sĩ vì miền Trung Việt Nam", "AZV"),
        ("Sonnenschule Vietnam e.V.", "Sun School Viet Nam", "Trường Mặt Trời Việt Nam", ""),
    ],
    "NL": [
        ("Stichting Waterbrug", "Water Bridge Foundation", "Quỹ Cầu Nước", ""),
        ("Stichting Kansen voor Kinderen Vietnam", "Chances for Children Viet Nam Foundation",
         "Quỹ Cơ hội cho trẻ em Việt Nam", "KKV"),
        ("Stichting Rijstveld", "Rice Field Foundation", "Quỹ Cánh đồng lúa", ""),
    ],
    "BE": [
        ("Vlaamse Vrienden van Vietnam vzw", "Flemish Friends of Viet Nam",
         "Những người bạn Flanders của Việt Nam", "VVV"),
        ("Solidarité Mékong Belgique", "Mekong Solidarity Belgium", "Đoàn kết Mê Kông Bỉ", "SMB"),
    ],
    "CH": [
        ("Verein Bergdorfschulen Vietnam", "Mountain Village Schools Viet Nam",
         "Hội Trường học làng núi Việt Nam", "BSV"),
        ("Fondation Horizon Mékong", "Mekong Horizon Foundation", "Quỹ Chân trời Mê Kông", "FHM"),
    ],
    "SE": [("Stiftelsen Ljusare Framtid", "Brighter Future Foundation",
            "Quỹ Tương lai tươi sáng hơn", "")],
    "NO": [("Stiftelsen Fjellbarn", "Mountain Children Foundation", "Quỹ Trẻ em miền núi", "")],
    "DK": [("Fonden for Rent Vand i Asien", "Clean Water in Asia Fund",
            "Quỹ Nước sạch cho châu Á", "FRVA")],
    "FI": [("Aasian Lasten Tuki ry", "Support for Asia's Children",
            "Hỗ trợ trẻ em châu Á", "ALT")],
    "IT": [("Fondazione Ponte per l'Asia", "Bridge for Asia Foundation",
            "Quỹ Nhịp cầu châu Á", "FPA")],
    "ES": [("Fundación Manos Abiertas Asia", "Open Hands Asia Foundation",
            "Quỹ Bàn tay rộng mở châu Á", "FMAA")],
    "JP": [
        ("アジアの子ども未来基金", "Future of Asia's Children Fund",
         "Quỹ Tương lai trẻ em châu Á", "FACF"),
        ("メコン水と緑の会", "Mekong Water and Greenery Society",
         "Hội Nước và Cây xanh Mê Kông", ""),
    ],
    "KR": [("한빛나눔재단", "Hanbit Sharing Foundation", "Quỹ Chia sẻ Hanbit", "HSF")],
}  # fmt: skip
#: development NGOs by country of headquarters (about 43% Americas, 35% Europe, 20% Asia)
NGO_COUNTRIES = [
    ("US", 25), ("CA", 5), ("BR", 1),
    ("GB", 6), ("FR", 6), ("DE", 5), ("NL", 3), ("BE", 2), ("CH", 3), ("SE", 1), ("NO", 1),
    ("DK", 1), ("FI", 1), ("IT", 1), ("ES", 1), ("IE", 2), ("AT", 1),
    ("JP", 7), ("KR", 5), ("SG", 2), ("IN", 1), ("PH", 1), ("TH", 1),
    ("AU", 5), ("NZ", 1), ("ZA", 1), ("KE", 1),
]  # fmt: skip

# Counterpart friendship societies abroad: (country, name, English name, Vietnamese name, acronym)
FRIENDSHIP_SOCIETIES = [
    ("US", "Pacific Northwest Friends of Viet Nam", "",
     "Hội Những người bạn Việt Nam vùng Tây Bắc Thái Bình Dương", "PNFV"),
    ("US", "Midwest Viet Nam Friendship Society", "", "Hội hữu nghị Việt Nam vùng Trung Tây",
     "MVFS"),
    ("JP", "Japan–Viet Nam Friendship Association of Kyushu", "",
     "Hội hữu nghị Nhật Bản – Việt Nam vùng Kyushu", ""),
    ("KR", "Korea–Viet Nam Friendship Society of Daegu", "",
     "Hội hữu nghị Hàn Quốc – Việt Nam thành phố Daegu", ""),
    ("FR", "Cercle d'amitié France–Viet Nam de Bretagne", "France–Viet Nam Friendship Circle of "
     "Brittany", "Câu lạc bộ hữu nghị Pháp – Việt Nam vùng Bretagne", ""),
    ("DE", "Deutsch-Vietnamesischer Freundeskreis Sachsen", "German–Vietnamese Circle of "
     "Friends of Saxony", "Nhóm Bạn bè Đức – Việt Nam bang Sachsen", "DVFS"),
    ("RU", "Клуб дружбы «Россия – Вьетнам» (Новосибирск)", "Russia–Viet Nam Friendship Club "
     "of Novosibirsk", "Câu lạc bộ hữu nghị Nga – Việt Nam Novosibirsk", ""),
    ("CN", "云南中越边境友好协会", "Yunnan China–Viet Nam Border Friendship Society",
     "Hội hữu nghị biên giới Trung – Việt tỉnh Vân Nam", ""),
    ("LA", "Champasak Lao–Viet Nam Friendship Association", "",
     "Hội hữu nghị Lào – Việt Nam tỉnh Chăm-pa-sắc", ""),
    ("KH", "Kampot Cambodia–Viet Nam Friendship Association", "",
     "Hội hữu nghị Campuchia – Việt Nam tỉnh Kampot", ""),
    ("CU", "Asociación de Amistad Cuba–Vietnam de Santiago de Cuba", "Cuba–Viet Nam "
     "Friendship Association of Santiago de Cuba",
     "Hội hữu nghị Cuba – Việt Nam tỉnh Santiago de Cuba", ""),
    ("IN", "Kerala India–Viet Nam Solidarity Committee", "",
     "Ủy ban đoàn kết Ấn Độ – Việt Nam bang Kerala", "KIVSC"),
    ("AU", "Queensland Australia–Viet Nam Friendship Society", "",
     "Hội hữu nghị Australia – Việt Nam bang Queensland", "QAVFS"),
    ("GB", "Yorkshire Britain–Viet Nam Friendship Society", "",
     "Hội hữu nghị Anh – Việt Nam vùng Yorkshire", ""),
    ("IT", "Associazione Italia–Vietnam di Torino", "Italy–Viet Nam Association of Turin",
     "Hội Italy – Việt Nam thành phố Turin", ""),
    ("PL", "Towarzystwo Przyjaźni Polsko-Wietnamskiej w Krakowie", "Polish–Vietnamese "
     "Friendship Society of Kraków", "Hội hữu nghị Ba Lan – Việt Nam thành phố Kraków", "TPPW"),
    ("CZ", "Česko-vietnamská společnost Ostrava", "Czech–Vietnamese Society of Ostrava",
     "Hội Séc – Việt Nam thành phố Ostrava", ""),
    ("HU", "Magyar–Vietnámi Baráti Társaság Szeged", "Hungarian–Vietnamese Friendship Society "
     "of Szeged", "Hội hữu nghị Hungary – Việt Nam thành phố Szeged", ""),
    ("SE", "Svensk-vietnamesiska vänskapsföreningen i Göteborg", "Swedish–Vietnamese "
     "Friendship Association of Gothenburg", "Hội hữu nghị Thụy Điển – Việt Nam Gothenburg", ""),
    ("CA", "Manitoba Canada–Viet Nam Friendship Society", "",
     "Hội hữu nghị Canada – Việt Nam tỉnh bang Manitoba", ""),
    ("BR", "Associação de Amizade Brasil–Vietnã do Rio Grande do Sul", "Brazil–Viet Nam "
     "Friendship Association of Rio Grande do Sul",
     "Hội hữu nghị Brazil – Việt Nam bang Rio Grande do Sul", ""),
    ("EG", "Alexandria Egyptian–Vietnamese Friendship Society", "",
     "Hội hữu nghị Ai Cập – Việt Nam thành phố Alexandria", ""),
    ("ZA", "Western Cape South Africa–Viet Nam Friendship Association", "",
     "Hội hữu nghị Nam Phi – Việt Nam tỉnh Western Cape", "WCSAVFA"),
    ("NZ", "Otago New Zealand–Viet Nam Friendship Society", "",
     "Hội hữu nghị New Zealand – Việt Nam vùng Otago", ""),
    ("MN", "Darkhan Mongolia–Viet Nam Friendship Society", "",
     "Hội hữu nghị Mông Cổ – Việt Nam thành phố Darkhan", ""),
    ("TH", "Nakhon Phanom Thai–Vietnamese Friendship Association", "",
     "Hội hữu nghị Thái Lan – Việt Nam tỉnh Nakhon Phanom", ""),
    ("DZ", "Association d'amitié Algérie–Viet Nam d'Oran", "Algeria–Viet Nam Friendship "
     "Association of Oran", "Hội hữu nghị Algeria – Việt Nam thành phố Oran", ""),
]  # fmt: skip

#: embassies in Hà Nội; the few that write their name in their own language say so
EMBASSY_COUNTRIES = [
    "JP", "KR", "KP", "CN", "MN", "LA", "KH", "TH", "SG", "MY", "ID", "PH", "MM", "IN", "BD",
    "TR", "IL", "AE", "KZ", "FR", "DE", "GB", "RU", "IT", "NL", "BE", "CH", "SE", "NO", "DK",
    "FI", "ES", "IE", "AT", "PL", "CZ", "HU", "BG", "US", "CA", "CU", "BR", "AR", "CL", "MX",
    "VE", "AU", "NZ", "ZA", "EG", "DZ", "MZ", "AO", "NG",
]  # fmt: skip
EMBASSY_NATIVE = {
    "FR": "Ambassade de France au Viet Nam",
    "DE": "Botschaft der Bundesrepublik Deutschland in Hanoi",
    "ES": "Embajada de España en Vietnam",
    "CU": "Embajada de la República de Cuba en Viet Nam",
    "RU": "Посольство Российской Федерации во Вьетнаме",
    "BR": "Embaixada do Brasil em Hanói",
}
EMBASSY_DOMAINS = {"GB": "uk", "KP": "dprk"}

# (country, name, English name, Vietnamese name, acronym)
INTERNATIONAL_ORGS = [
    ("TH", "Asia–Pacific Network for Rural Water", "",
     "Mạng lưới châu Á – Thái Bình Dương về nước sạch nông thôn", "APNRW"),
    ("CH", "International Council for Landmine-Free Communities", "",
     "Hội đồng quốc tế vì cộng đồng không bom mìn", "ICLFC"),
    ("FR", "Fédération mondiale des villes jumelées et amies", "World Federation of Twinned "
     "and Friendship Towns", "Liên đoàn thế giới các thành phố kết nghĩa và hữu nghị", "FMVJA"),
    ("TH", "Mekong Regional Health Partnership", "", "Đối tác y tế khu vực Mê Kông", "MRHP"),
    ("JP", "International Institute for Disaster Resilience", "",
     "Viện quốc tế về chống chịu thiên tai", "IIDR"),
    ("BE", "Global Alliance for Inclusive Schools", "",
     "Liên minh toàn cầu vì trường học hòa nhập", "GAIS"),
    ("ID", "Southeast Asian Forum for People's Diplomacy", "",
     "Diễn đàn Đông Nam Á về ngoại giao nhân dân", "SEAFPD"),
    ("IN", "Council of Asian Peoples for Peace", "", "Hội đồng nhân dân châu Á vì hòa bình",
     "CAPP"),
    ("AT", "World Organisation of Friendship Societies", "",
     "Tổ chức thế giới các hội hữu nghị", "WOFS"),
    ("PH", "International Centre for Mangrove Restoration", "",
     "Trung tâm quốc tế phục hồi rừng ngập mặn", "ICMR"),
    ("US", "Global Fund for Children's Hearing", "", "Quỹ toàn cầu vì thính lực trẻ em",
     "GFCH"),
    ("US", "International Network for Dioxin Remediation", "",
     "Mạng lưới quốc tế xử lý ô nhiễm dioxin", "INDR"),
    ("FJ", "Pacific Islands Cooperation Secretariat", "",
     "Ban Thư ký hợp tác các đảo Thái Bình Dương", "PICS"),
    ("KE", "Afro-Asian Smallholder Farming Network", "", "Mạng lưới nông hộ nhỏ Á – Phi",
     "AASFN"),
    ("CU", "Consejo Latinoamericano de Solidaridad con Asia", "Latin American Council of "
     "Solidarity with Asia", "Hội đồng Mỹ Latinh đoàn kết với châu Á", "CLSA"),
    ("DK", "International Youth Exchange Federation", "",
     "Liên đoàn trao đổi thanh niên quốc tế", "IYEF"),
    ("FI", "Nordic–Asian Climate Fund", "", "Quỹ khí hậu Bắc Âu – châu Á", "NACF"),
    ("ES", "Asociación Internacional de Ciudades Patrimonio", "International Association of "
     "Heritage Cities", "Hiệp hội quốc tế các thành phố di sản", "AICP"),
]  # fmt: skip

GOVERNMENTS = [
    ("LA", "Vientiane Capital Department of Foreign Affairs", "",
     "Sở Ngoại vụ Thủ đô Viêng Chăn", ""),
    ("LA", "Savannakhet Provincial Department of Foreign Affairs", "",
     "Sở Ngoại vụ tỉnh Savannakhet", ""),
    ("KH", "Svay Rieng Provincial Administration", "", "Chính quyền tỉnh Svay Rieng", ""),
    ("CN", "Foreign Affairs Office of Wenshan Prefecture", "", "Văn phòng Ngoại vụ châu Văn Sơn",
     ""),
    ("JP", "Shizuoka Prefectural Government, International Affairs Division", "",
     "Ban Quan hệ quốc tế, Chính quyền tỉnh Shizuoka", ""),
    ("KR", "Gyeongsangbuk-do Provincial Government, International Relations Office", "",
     "Văn phòng Quan hệ quốc tế, Chính quyền tỉnh Gyeongsangbuk-do", ""),
    ("US", "City of Riverside Office of International Affairs", "",
     "Văn phòng Quan hệ quốc tế thành phố Riverside", ""),
    ("FR", "Conseil départemental de l'Isère – Relations internationales", "Isère "
     "Departmental Council – International Relations",
     "Hội đồng tỉnh Isère – Ban Quan hệ quốc tế", ""),
    ("DE", "Landeshauptstadt Potsdam – Büro für internationale Partnerschaften", "City of "
     "Potsdam – Office for International Partnerships",
     "Thành phố Potsdam – Văn phòng đối tác quốc tế", ""),
    ("RU", "Администрация города Владивостока, управление международного сотрудничества",
     "Vladivostok City Administration, International Cooperation Department",
     "Chính quyền thành phố Vladivostok, Ban Hợp tác quốc tế", ""),
    ("AU", "Northern Territory Office of Asian Engagement", "",
     "Văn phòng Quan hệ với châu Á, Lãnh thổ Bắc Úc", "OAE"),
    ("MZ", "Governo da Província de Nampula – Relações Exteriores", "Nampula Provincial "
     "Government – Foreign Relations", "Chính quyền tỉnh Nampula – Ban Đối ngoại", ""),
]  # fmt: skip

PARLIAMENTS = [
    ("JP", "Japan–Viet Nam Parliamentary Friendship League, House of Councillors", "",
     "Liên minh Nghị sĩ hữu nghị Nhật Bản – Việt Nam, Thượng viện", ""),
    ("FR", "Groupe d'amitié France–Vietnam du Sénat", "France–Viet Nam Friendship Group of "
     "the Senate", "Nhóm Nghị sĩ hữu nghị Pháp – Việt Nam, Thượng viện", ""),
    ("DE", "Parlamentariergruppe ASEAN des Bundestages", "ASEAN Parliamentary Group of the "
     "Bundestag", "Nhóm Nghị sĩ ASEAN, Hạ viện Đức", ""),
    ("GB", "All-Party Parliamentary Group on Viet Nam", "",
     "Nhóm Nghị sĩ liên đảng về Việt Nam, Quốc hội Anh", "APPG"),
    ("KR", "Korea–Viet Nam Parliamentarians' Friendship Association", "",
     "Hội Nghị sĩ hữu nghị Hàn Quốc – Việt Nam", "KVPFA"),
    ("AU", "Australia–Viet Nam Parliamentary Friendship Group", "",
     "Nhóm Nghị sĩ hữu nghị Australia – Việt Nam", ""),
    ("LA", "Lao–Vietnamese Parliamentary Friendship Group", "",
     "Nhóm Nghị sĩ hữu nghị Lào – Việt Nam", ""),
    ("KH", "Cambodia–Viet Nam Parliamentary Friendship Group", "",
     "Nhóm Nghị sĩ hữu nghị Campuchia – Việt Nam", ""),
    ("CU", "Grupo Parlamentario de Amistad Cuba–Vietnam", "Cuba–Viet Nam Parliamentary "
     "Friendship Group", "Nhóm Nghị sĩ hữu nghị Cuba – Việt Nam", ""),
    ("HU", "Magyar–vietnámi parlamenti baráti csoport", "Hungarian–Vietnamese Parliamentary "
     "Friendship Group", "Nhóm Nghị sĩ hữu nghị Hungary – Việt Nam", ""),
    ("IN", "India–Viet Nam Parliamentary Friendship Forum", "",
     "Diễn đàn Nghị sĩ hữu nghị Ấn Độ – Việt Nam", ""),
    ("US", "Congressional Friends of Viet Nam Caucus", "",
     "Nhóm Nghị sĩ Những người bạn Việt Nam, Quốc hội Hoa Kỳ", ""),
    ("BR", "Frente Parlamentar Brasil–Vietnã", "Brazil–Viet Nam Parliamentary Front",
     "Mặt trận Nghị sĩ Brazil – Việt Nam", ""),
    ("ZA", "South Africa–Viet Nam Parliamentary Friendship Association", "",
     "Hội Nghị sĩ hữu nghị Nam Phi – Việt Nam", ""),
    ("CZ", "Česko-vietnamská meziparlamentní skupina", "Czech–Vietnamese Inter-Parliamentary "
     "Group", "Nhóm Nghị sĩ Séc – Việt Nam", ""),
]  # fmt: skip

RESEARCH = [
    ("US", "Institute for Indochina Reconciliation Studies", "",
     "Viện Nghiên cứu hòa giải Đông Dương", "IIRS"),
    ("US", "Center for Mekong Water Policy", "", "Trung tâm Chính sách nước Mê Kông", "CMWP"),
    ("JP", "Tokai Institute of Southeast Asian Studies", "",
     "Viện Nghiên cứu Đông Nam Á Tokai", "TISAS"),
    ("KR", "Hanbit Institute for ASEAN Affairs", "", "Viện Nghiên cứu ASEAN Hanbit", "HIAA"),
    ("CN", "Nanning Institute of Beibu Gulf Studies", "",
     "Viện Nghiên cứu Vịnh Bắc Bộ Nam Ninh", ""),
    ("FR", "Centre d'études franco-asiatiques de Lyon", "Lyon Centre for Franco-Asian Studies",
     "Trung tâm Nghiên cứu Pháp – Á Lyon", "CEFAL"),
    ("DE", "Institut für Mekong-Studien Freiburg", "Freiburg Institute for Mekong Studies",
     "Viện Nghiên cứu Mê Kông Freiburg", "IMSF"),
    ("RU", "Центр изучения Индокитая (Казань)", "Indochina Studies Centre, Kazan",
     "Trung tâm Nghiên cứu Đông Dương Kazan", ""),
    ("AU", "Northern Australia Centre for Asian Studies", "",
     "Trung tâm Nghiên cứu châu Á Bắc Australia", "NACAS"),
    ("SG", "Straits Institute of Regional Policy", "", "Viện Chính sách khu vực Straits",
     "SIRP"),
    ("IN", "Bengal Centre for Southeast Asian Research", "",
     "Trung tâm Nghiên cứu Đông Nam Á Bengal", "BCSAR"),
    ("SE", "Nordic Centre for Peace and Reconciliation Research", "",
     "Trung tâm Bắc Âu nghiên cứu hòa bình và hòa giải", "NCPRR"),
    ("GB", "Thames Centre for Development Policy", "", "Trung tâm Chính sách phát triển Thames",
     "TCDP"),
    ("TH", "Lanna Institute for Mekong Studies", "", "Viện Nghiên cứu Mê Kông Lanna", "LIMS"),
    ("CA", "Pacific Rim Policy Institute of British Columbia", "",
     "Viện Chính sách vành đai Thái Bình Dương British Columbia", "PRPI"),
    ("NL", "Rijnland Instituut voor Internationale Betrekkingen", "Rijnland Institute of "
     "International Relations", "Viện Quan hệ quốc tế Rijnland", "RIIB"),
    ("BR", "Instituto Brasileiro de Estudos Asiáticos", "Brazilian Institute of Asian Studies",
     "Viện Nghiên cứu châu Á Brazil", "IBEA"),
    ("ZA", "Cape Institute for South–South Cooperation", "",
     "Viện Hợp tác Nam – Nam Cape", "CISSC"),
    ("NZ", "Aotearoa Asia Research Centre", "", "Trung tâm Nghiên cứu châu Á Aotearoa", "AARC"),
    ("EG", "Cairo Centre for Asian Affairs", "", "Trung tâm Nghiên cứu các vấn đề châu Á Cairo",
     "CCAA"),
]  # fmt: skip

UNIVERSITIES = [
    ("US", "Lakeshore State University", "", "Đại học bang Lakeshore", "LSU"),
    ("US", "University of the Cascades", "", "Đại học Cascades", ""),
    ("US", "Harwell University", "", "Đại học Harwell", ""),
    ("GB", "Kingsbridge University", "", "Đại học Kingsbridge", ""),
    ("FR", "Université Côte-Atlantique", "Atlantic Coast University", "Đại học Bờ Đại Tây Dương",
     "UCA"),
    ("DE", "Hochschule Rheinau für angewandte Wissenschaften", "Rheinau University of Applied "
     "Sciences", "Đại học Khoa học ứng dụng Rheinau", ""),
    ("JP", "Setonaikai University", "", "Đại học Setonaikai", ""),
    ("JP", "Minato International University", "", "Đại học Quốc tế Minato", "MIU"),
    ("KR", "Hanbit National University", "", "Đại học Quốc gia Hanbit", "HNU"),
    ("KR", "Gyeongnam University of Foreign Studies", "", "Đại học Ngoại ngữ Gyeongnam",
     "GUFS"),
    ("AU", "University of the Coral Coast", "", "Đại học Bờ biển San hô", "UCC"),
    ("CA", "Maple Ridge University", "", "Đại học Maple Ridge", ""),
    ("RU", "Уральский университет дружбы народов", "Ural University of Friendship of Peoples",
     "Đại học Hữu nghị các dân tộc Ural", ""),
    ("CN", "Nanning University of Foreign Languages", "", "Đại học Ngoại ngữ Nam Ninh", ""),
    ("TH", "Mekong Rajabhat University", "", "Đại học Rajabhat Mê Kông", ""),
    ("LA", "Savannakhet College of Education", "", "Trường Cao đẳng Sư phạm Savannakhet", ""),
    ("CU", "Universidad Agraria de Occidente", "Western Agrarian University",
     "Đại học Nông nghiệp miền Tây Cuba", ""),
    ("IN", "Deccan Central University", "", "Đại học Trung tâm Deccan", "DCU"),
    ("PL", "Uniwersytet Nadwiślański", "Vistula Riverside University",
     "Đại học Ven sông Vistula", ""),
    ("HU", "Tisza Egyetem", "Tisza University", "Đại học Tisza", ""),
    ("NL", "Hogeschool Zuidkust", "South Coast University of Applied Sciences",
     "Đại học Khoa học ứng dụng Zuidkust", ""),
    ("SE", "Norrland University College", "", "Trường Đại học Norrland", ""),
    ("ZA", "University of the Highveld", "", "Đại học Highveld", "UHV"),
    ("MZ", "Universidade do Índico", "University of the Indian Ocean",
     "Đại học Ấn Độ Dương", "UNI"),
]  # fmt: skip

ENTERPRISES = [
    ("JP", "Sakura Engineering Co., Ltd.", "", "Công ty TNHH Kỹ thuật Sakura", ""),
    ("JP", "Minato Shipping Corporation", "", "Tổng công ty Vận tải biển Minato", ""),
    ("JP", "Hikari Medical Devices Inc.", "", "Công ty Thiết bị y tế Hikari", ""),
    ("KR", "Hanul Logistics Co., Ltd.", "", "Công ty TNHH Logistics Hanul", ""),
    ("KR", "Daebong Electronics Corporation", "", "Tập đoàn Điện tử Daebong", ""),
    ("KR", "Seorak Construction Co., Ltd.", "", "Công ty TNHH Xây dựng Seorak", ""),
    ("US", "Cascade Agritech Inc.", "", "Công ty Công nghệ nông nghiệp Cascade", ""),
    ("US", "BluePeak Solar LLC", "", "Công ty Năng lượng mặt trời BluePeak", ""),
    ("SG", "Lion Gate Capital Partners Pte. Ltd.", "", "Công ty Đầu tư Lion Gate", "LGCP"),
    ("DE", "Grünfeld Lebensmittel GmbH", "Grünfeld Foods", "Công ty Thực phẩm Grünfeld", ""),
    ("FR", "Saint-Clair Pharma SA", "Saint-Clair Pharmaceuticals", "Công ty Dược Saint-Clair",
     ""),
    ("NL", "Delta Baggeren & Water B.V.", "Delta Dredging & Water",
     "Công ty Nạo vét và Nước Delta", ""),
    ("NO", "Nordlys Energi AS", "Nordlys Energy", "Công ty Năng lượng Nordlys", ""),
    ("DK", "Havbrug Akvakultur A/S", "Havbrug Aquaculture", "Công ty Nuôi trồng thủy sản Havbrug",
     ""),
    ("AU", "Southern Star Education Group Pty Ltd", "", "Tập đoàn Giáo dục Southern Star",
     "SSEG"),
    ("TH", "Siam Golden Rice Trading Co., Ltd.", "", "Công ty TNHH Thương mại gạo Siam Golden",
     ""),
    ("CN", "Hongda Textile Group", "", "Tập đoàn Dệt may Hongda", ""),
    ("IN", "Deccan Generics Ltd.", "", "Công ty Dược phẩm Deccan Generics", ""),
    ("RU", "АО «Байкал Машиностроение»", "Baikal Machinery JSC", "Công ty Cơ khí Baikal", ""),
    ("CU", "BioCaribe S.A.", "", "Công ty Sinh học BioCaribe", ""),
    ("IT", "Tessitura Lombarda S.p.A.", "Lombard Weaving", "Công ty Dệt Lombarda", ""),
    ("CA", "Northwind Fisheries Ltd.", "", "Công ty Thủy sản Northwind", ""),
    ("AE", "Gulf Horizon Investments LLC", "", "Công ty Đầu tư Gulf Horizon", "GHI"),
    ("ZA", "Karoo Mining Services (Pty) Ltd", "", "Công ty Dịch vụ khai khoáng Karoo", ""),
]  # fmt: skip

RELIGIOUS = [
    ("US", "Quaker Peace Circle of Philadelphia", "", "Nhóm Hòa bình Quaker Philadelphia", ""),
    ("US", "Brethren Mission Fellowship", "", "Hội Truyền giáo Huynh đệ", "BMF"),
    ("US", "Hope Harbor Christian Outreach", "", "Tổ chức Thiện nguyện Kitô giáo Hope Harbor",
     ""),
    ("KR", "Sharing Lotus Buddhist Foundation", "", "Quỹ Phật giáo Hoa Sen Chia Sẻ", "SLBF"),
    ("JP", "Kyoto Buddhist Friendship Society", "", "Hội hữu nghị Phật giáo Kyoto", ""),
    ("TH", "Sangha Friendship Society of Isan", "", "Hội hữu nghị Tăng đoàn vùng Isan", ""),
    ("IT", "Comunità di Sant'Elia per l'Asia", "Community of Saint Elias for Asia",
     "Cộng đoàn Thánh Elia vì châu Á", ""),
    ("DE", "Evangelisches Partnerschaftswerk Asien", "Protestant Asia Partnership Agency",
     "Tổ chức Đối tác Tin Lành châu Á", "EPA"),
    ("AU", "Interfaith Friendship Council of Victoria", "",
     "Hội đồng hữu nghị liên tôn giáo bang Victoria", "IFCV"),
    ("IN", "Bodhgaya International Meditation Society", "",
     "Hội Thiền quốc tế Bồ Đề Đạo Tràng", "BIMS"),
    ("LA", "Champasak Buddhist Sangha Association", "", "Hội Phật giáo tỉnh Chăm-pa-sắc", ""),
    ("ID", "Nusantara Interfaith Dialogue Forum", "", "Diễn đàn đối thoại liên tôn Nusantara",
     "NIDF"),
    ("MY", "Semenanjung Islamic Relief Society", "", "Hội Cứu trợ Hồi giáo Semenanjung", "SIRS"),
]  # fmt: skip

MEDIA = [
    ("US", "Pacific Affairs Weekly", "", "Tuần báo Các vấn đề Thái Bình Dương", ""),
    ("FR", "Le Courrier de l'Asie du Sud-Est", "The Southeast Asia Courier",
     "Báo Thông tin Đông Nam Á", ""),
    ("JP", "Minato Times", "", "Báo Minato Times", ""),
    ("KR", "Seoul Asia Herald", "", "Báo Seoul Asia Herald", "SAH"),
    ("RU", "Журнал «Азия и Тихий океан»", "Asia and the Pacific Magazine",
     "Tạp chí Châu Á và Thái Bình Dương", ""),
    ("CU", "Agencia Caribe de Noticias", "Caribbean News Agency", "Hãng tin Caribe", "ACN"),
    ("CN", "Beibu Gulf Daily", "", "Nhật báo Vịnh Bắc Bộ", ""),
    ("GB", "Frontline Asia Documentaries Ltd", "", "Hãng phim tài liệu Frontline Asia", ""),
    ("AU", "Top End Radio Asia", "", "Đài phát thanh Top End châu Á", "TERA"),
    ("DE", "Asienspiegel Verlag", "Asia Mirror Publishing", "Nhà xuất bản Tấm gương châu Á", ""),
    ("IN", "Eastward Media Network", "", "Mạng lưới truyền thông Eastward", "EMN"),
    ("LA", "Mekong Lao Weekly", "", "Tuần báo Mê Kông Lào", ""),
]  # fmt: skip

# (country, Vietnamese name, English name, acronym)
OVERSEAS_VIETNAMESE = [
    ("CZ", "Hội người Việt Nam tại Brno", "Association of Vietnamese in Brno", ""),
    ("PL", "Hội Doanh nghiệp Việt Nam tại Ba Lan", "Vietnamese Business Association in Poland",
     ""),
    ("DE", "Hội người Việt Nam tại Leipzig", "Association of Vietnamese in Leipzig", ""),
    ("RU", "Hội Phụ nữ Việt Nam tại Liên bang Nga", "Vietnamese Women's Association in Russia",
     ""),
    ("FR", "Hội Trí thức Việt Nam tại Pháp", "Association of Vietnamese Scholars in France", ""),
    ("US", "Hội Doanh nhân Việt Nam vùng Thung lũng Silicon", "Silicon Valley Vietnamese "
     "Entrepreneurs Association", "SVVEA"),
    ("AU", "Hội Sinh viên Việt Nam tại Melbourne", "Vietnamese Students' Association in "
     "Melbourne", ""),
    ("JP", "Hội người Việt Nam tại vùng Kansai", "Association of Vietnamese in Kansai", ""),
    ("KR", "Hội Phụ nữ Việt Nam tại Busan", "Vietnamese Women's Association in Busan", ""),
    ("UA", "Hội người Việt Nam tại Kharkiv", "Association of Vietnamese in Kharkiv", ""),
    ("HU", "Hội Văn hóa Việt Nam tại Hungary", "Vietnamese Cultural Association in Hungary", ""),
    ("GB", "Hội Thanh niên Việt Nam tại Vương quốc Anh", "Vietnamese Youth Association in the "
     "United Kingdom", ""),
    ("CA", "Hội người Việt Nam tại Montréal", "Association of Vietnamese in Montreal", ""),
    ("LA", "Hội người Việt Nam tại tỉnh Savannakhet", "Association of Vietnamese in "
     "Savannakhet", ""),
    ("TH", "Hội người Thái gốc Việt tỉnh Udon Thani", "Association of Thai-Vietnamese in Udon "
     "Thani", ""),
    ("DE", "Hội Giáo viên tiếng Việt tại Đức", "Association of Vietnamese Language Teachers in "
     "Germany", ""),
]  # fmt: skip

# (country, gender, profession in Vietnamese, in English)
INDIVIDUALS = [
    ("US", "m", "Cựu chiến binh, nhà hoạt động vì hòa bình", "Veteran and peace activist"),
    ("US", "f", "Bác sĩ phẫu thuật tạo hình", "Reconstructive surgeon"),
    ("US", "m", "Nhiếp ảnh gia", "Photographer"),
    ("FR", "f", "Nhà sử học", "Historian"),
    ("FR", "m", "Nhà báo", "Journalist"),
    ("JP", "m", "Giáo sư tiếng Việt", "Professor of Vietnamese"),
    ("JP", "f", "Nhà văn", "Writer"),
    ("KR", "m", "Doanh nhân", "Businessman"),
    ("AU", "f", "Cựu tình nguyện viên", "Former volunteer"),
    ("GB", "m", "Cựu Đại sứ tại Việt Nam", "Former Ambassador to Viet Nam"),
    ("DE", "f", "Nhà soạn nhạc", "Composer"),
    ("RU", "m", "Chuyên gia địa chất", "Geologist"),
    ("CU", "f", "Bác sĩ", "Physician"),
    ("CA", "m", "Kỹ sư rà phá bom mìn", "Demining engineer"),
    ("SE", "f", "Nhà giáo dục", "Educator"),
    ("IT", "m", "Kiến trúc sư", "Architect"),
    ("IN", "m", "Giáo sư sử học", "Professor of History"),
    ("LA", "m", "Nguyên cán bộ ngoại giao", "Retired diplomat"),
    ("NZ", "f", "Nhà làm phim tài liệu", "Documentary maker"),
    ("ZA", "m", "Nhà hoạt động công đoàn", "Trade unionist"),
    ("PL", "f", "Dịch giả văn học Việt Nam", "Translator of Vietnamese literature"),
]  # fmt: skip

OTHERS = [
    ("US", "Veterans for Reconciliation – Oregon Chapter", "",
     "Cựu chiến binh vì hòa giải – Chi hội Oregon", "VFR"),
    ("JP", "Shizuoka–Viet Nam Sister City Committee", "",
     "Ủy ban kết nghĩa Shizuoka – Việt Nam", ""),
    ("FR", "Amicale des anciens volontaires au Viet Nam", "Association of Former Volunteers in "
     "Viet Nam", "Hội Cựu tình nguyện viên tại Việt Nam", "AAVV"),
    ("AU", "Mekong Friendship Cycling Club", "", "Câu lạc bộ đạp xe hữu nghị Mê Kông", ""),
    ("KR", "Daegu Youth Friendship Exchange Club", "",
     "Câu lạc bộ giao lưu thanh niên hữu nghị Daegu", ""),
    ("GB", "Bridges Alumni Network", "", "Mạng lưới cựu học viên Bridges", "BAN"),
    ("DE", "Städtepartnerschaftsverein Potsdam–Việt Nam", "Potsdam–Viet Nam Twinning "
     "Association", "Hội kết nghĩa Potsdam – Việt Nam", ""),
    ("US", "Friends of Vietnamese Chess", "", "Những người bạn của cờ tướng Việt Nam", ""),
]  # fmt: skip

CONTACT_TITLES = {
    PartnerKind.NGO: [
        "Country Director", "Programme Officer", "Programme Manager", "Chief Representative",
        "Finance and Administration Manager", "Project Coordinator", "Executive Director",
        "Regional Director for Asia",
    ],
    PartnerKind.EMBASSY: [
        "Deputy Chief of Mission", "Counsellor (Political)", "First Secretary",
        "Cultural Attaché", "Second Secretary (Press and Culture)",
    ],
    PartnerKind.INTERNATIONAL_ORG: [
        "Head of Office", "Programme Specialist", "Regional Representative", "Secretary-General",
    ],
    PartnerKind.GOVERNMENT: [
        "Director of International Cooperation", "Deputy Director", "Desk Officer for Viet Nam",
    ],
    PartnerKind.PARLIAMENT: [
        "Chair", "Vice-Chair", "Member of Parliament", "Secretary of the Group",
    ],
    PartnerKind.RESEARCH: [
        "Director", "Senior Research Fellow", "Research Fellow", "Programme Coordinator",
    ],
    PartnerKind.UNIVERSITY: [
        "Vice-President for International Affairs", "Dean, Faculty of Asian Studies",
        "Professor", "International Office Coordinator",
    ],
    PartnerKind.ENTERPRISE: [
        "Chief Executive Officer", "General Director (Viet Nam)", "CSR Manager",
        "Business Development Manager",
    ],
    PartnerKind.RELIGIOUS: ["Mission Coordinator", "Pastor", "Abbot", "Secretary-General"],
    PartnerKind.MEDIA: ["Editor-in-Chief", "Bureau Chief", "Correspondent", "Producer"],
    PartnerKind.OVERSEAS_VIETNAMESE: ["Chủ tịch Hội", "Phó Chủ tịch Hội", "Tổng Thư ký"],
    PartnerKind.OTHER: ["Chair", "Coordinator", "Secretary"],
}  # fmt: skip
#: a friendship society's officers are its president, vice-presidents and secretary
FRIENDSHIP_TITLES = ["President", "Vice-President", "General Secretary", "Treasurer"]
#: how a Vietnamese summary names a contact by title ("ông"/"bà" for the others)
TITLES_VI = {
    "Ambassador": "Đại sứ", "Deputy Chief of Mission": "Phó Đại sứ",
    "Country Director": "Giám đốc quốc gia", "Chief Representative": "Trưởng đại diện",
    "Executive Director": "Giám đốc điều hành", "Regional Director for Asia":
    "Giám đốc khu vực châu Á", "Head of Office": "Trưởng văn phòng",
    "Regional Representative": "Trưởng đại diện khu vực", "Secretary-General": "Tổng Thư ký",
    "General Secretary": "Tổng Thư ký", "Chair": "Chủ tịch", "Vice-Chair": "Phó Chủ tịch",
    "President": "Chủ tịch", "Vice-President": "Phó Chủ tịch", "Director": "Giám đốc",
    "Director of International Cooperation": "Giám đốc Hợp tác quốc tế",
    "Chief Executive Officer": "Tổng Giám đốc", "General Director (Viet Nam)": "Tổng Giám đốc",
    "Editor-in-Chief": "Tổng Biên tập", "Bureau Chief": "Trưởng văn phòng thường trú",
    "Professor": "Giáo sư", "Member of Parliament": "Nghị sĩ", "Pastor": "Mục sư",
    "Abbot": "Trụ trì", "Dean, Faculty of Asian Studies": "Trưởng khoa Nghiên cứu châu Á",
    "Vice-President for International Affairs": "Phó Hiệu trưởng phụ trách đối ngoại",
    "Chủ tịch Hội": "Chủ tịch Hội", "Phó Chủ tịch Hội": "Phó Chủ tịch Hội",
    "Tổng Thư ký": "Tổng Thư ký",
}  # fmt: skip

#: provinces (2025 codes) where foreign NGOs set up, with weights
NGO_PROVINCES = {
    "01": 10, "79": 10, "48": 7, "46": 5, "40": 3, "44": 4, "42": 2, "38": 2, "51": 3, "52": 2,
    "66": 2, "68": 2, "92": 3, "91": 2, "82": 2, "22": 2, "31": 2, "15": 3, "11": 2, "12": 2,
    "14": 2, "04": 2, "08": 2, "20": 2, "19": 1, "25": 1, "24": 1, "33": 1, "37": 1, "56": 1,
    "75": 1, "80": 1, "86": 1, "96": 1,
}  # fmt: skip
#: where a partner that is not an NGO has a provincial Union among its holders
LOCAL_PROVINCES = {"01": 6, "79": 6, "48": 5, "46": 3, "31": 2, "40": 2, "22": 1, "92": 1}
#: provinces on the border, whose Unions hold partners from across it
BORDER_PROVINCES = {"LA": ["38", "40", "42", "44", "11"], "KH": ["80", "91", "66"],
                    "CN": ["04", "15", "20", "22"]}  # fmt: skip
WARDS = {
    "01": ("Hà Nội", ["Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Cầu Giấy", "Đống Đa"]),
    "79": ("Thành phố Hồ Chí Minh", ["Sài Gòn", "Bến Thành", "Xuân Hòa", "Tân Định"]),
    "48": ("Đà Nẵng", ["Hải Châu", "Sơn Trà", "Thanh Khê"]),
    "46": ("Huế", ["Thuận Hóa", "Phú Xuân"]),
}
STREETS = [
    "Trần Hưng Đạo", "Lý Thường Kiệt", "Nguyễn Du", "Lê Duẩn", "Hai Bà Trưng", "Điện Biên Phủ",
    "Nguyễn Thị Minh Khai", "Lê Lợi", "Phan Chu Trinh", "Bạch Đằng",
]  # fmt: skip

# --- Interactions -------------------------------------------------------------------------------

KIND_WEIGHTS = {
    "normal": [
        (InteractionKind.MEETING, 30), (InteractionKind.RECEPTION, 14),
        (InteractionKind.VISIT, 15), (InteractionKind.LETTER, 15), (InteractionKind.CALL, 8),
        (InteractionKind.EVENT, 13), (InteractionKind.AGREEMENT, 3),
    ],
    # 2020–2021: few visits, many letters and online calls
    "pandemic": [
        (InteractionKind.MEETING, 12), (InteractionKind.RECEPTION, 4),
        (InteractionKind.VISIT, 3), (InteractionKind.LETTER, 30), (InteractionKind.CALL, 35),
        (InteractionKind.EVENT, 10), (InteractionKind.AGREEMENT, 2),
    ],
}  # fmt: skip
#: what happens with a partner that runs projects (NGOs, international organizations, …)
PROJECT_SUMMARIES = {
    InteractionKind.MEETING: [
        "Làm việc với {p} về kế hoạch hợp tác năm {y}.",
        "Họp rà soát tiến độ {t}.",
        "Trao đổi với {p} về khả năng mở rộng {t} tại {prov}.",
        "Làm việc với {c} về đề xuất {t}.",
    ],
    InteractionKind.VISIT: [
        "Đoàn {p} khảo sát {t} tại {prov}.",
        "Cùng {p} thăm địa bàn thực hiện {t} tại {prov}.",
        "Đoàn công tác của {o} thăm và làm việc tại trụ sở {p}.",
        "Đoàn {p} thăm và làm việc với {o}.",
    ],
    InteractionKind.RECEPTION: [
        "Tiếp xã giao {c} nhân dịp {occasion}.",
        "Tiếp {c} đến chào, giới thiệu kế hoạch hoạt động năm {y}.",
        "Tiếp đoàn {p} do {c} dẫn đầu.",
    ],
    InteractionKind.LETTER: [
        "Gửi thư chúc mừng năm mới {y} tới {p}.",
        "Nhận thư cảm ơn của {p} sau chuyến thăm {prov}.",
        "Gửi công văn giới thiệu {p} với các sở, ngành của {prov}.",
        "Gửi thư mời {p} tham dự {event}.",
    ],
    InteractionKind.CALL: [
        "Trao đổi trực tuyến với {c} về kế hoạch hoạt động năm {y}.",
        "Họp trực tuyến với {p} về {t}.",
        "Trao đổi qua điện thoại về thủ tục tiếp nhận khoản viện trợ cho {t}.",
    ],
    InteractionKind.EVENT: [
        "{p} tham dự {event}.",
        "Phối hợp với {p} tổ chức {t}.",
    ],
    InteractionKind.AGREEMENT: [
        "Ký biên bản ghi nhớ hợp tác giai đoạn {y}–{y2} với {p}.",
        "Ký thỏa thuận tài trợ {t} tại {prov}.",
    ],
}
#: what happens with the others: embassies, friends, societies, universities, the press
RELATION_SUMMARIES = {
    InteractionKind.MEETING: [
        "Làm việc với {p} về kế hoạch hợp tác năm {y}.",
        "Làm việc với {c} về {t}.",
        "Trao đổi với {p} về kế hoạch tổ chức {t} năm {y}.",
    ],
    InteractionKind.VISIT: [
        "Đoàn {p} thăm và làm việc với {o}.",
        "Đoàn công tác của {o} thăm và làm việc tại trụ sở {p}.",
        "Cùng {p} thăm {prov}, gặp gỡ lãnh đạo địa phương.",
    ],
    InteractionKind.RECEPTION: PROJECT_SUMMARIES[InteractionKind.RECEPTION],
    InteractionKind.LETTER: [
        "Gửi thư chúc mừng năm mới {y} tới {p}.",
        "Nhận thư cảm ơn của {p} sau chuyến thăm {prov}.",
        "Gửi thư mời {p} tham dự {event}.",
    ],
    InteractionKind.CALL: [
        "Trao đổi trực tuyến với {c} về kế hoạch hoạt động năm {y}.",
        "Họp trực tuyến với {p} về {t}.",
    ],
    InteractionKind.EVENT: PROJECT_SUMMARIES[InteractionKind.EVENT],
    InteractionKind.AGREEMENT: ["Ký biên bản ghi nhớ hợp tác giai đoạn {y}–{y2} với {p}."],
}
PROJECT_KINDS = (PartnerKind.NGO, PartnerKind.INTERNATIONAL_ORG, PartnerKind.RELIGIOUS)
#: what embassies and foreign authorities are written to and received for
STATE_LETTERS = [
    "Gửi thư chúc mừng Quốc khánh {country} tới {p}.",
    "Gửi thư chúc mừng {c} nhận nhiệm vụ mới.",
]
OCCASIONS = [
    "nhận nhiệm kỳ công tác tại Việt Nam", "kết thúc nhiệm kỳ công tác", "đầu năm mới",
    "Tết Nguyên đán", "chuẩn bị kỷ niệm ngày thiết lập quan hệ ngoại giao",
]  # fmt: skip
EVENTS = [
    "Hội nghị tổng kết công tác phi chính phủ nước ngoài năm {prev}",
    "Gặp mặt hữu nghị chào Xuân {y}",
    "Ngày hội văn hóa hữu nghị các dân tộc năm {y}",
    "Diễn đàn nhân dân ASEAN năm {y}",
    "Lễ trao Kỷ niệm chương Vì hòa bình, hữu nghị giữa các dân tộc",
]
FOLLOW_UPS = [
    "Gửi thư cảm ơn đối tác",
    "Báo cáo kết quả làm việc lên Thường trực Liên hiệp",
    "Chuẩn bị chương trình đón đoàn",
    "Gửi công văn đề nghị tỉnh phê duyệt khoản viện trợ",
    "Hoàn thiện hồ sơ dự án gửi đối tác",
    "Lập kế hoạch khảo sát địa bàn",
    "Gửi dự thảo biên bản ghi nhớ để đối tác góp ý",
    "Tổng hợp danh sách người nhận hỗ trợ",
    "Cập nhật thông tin đầu mối liên hệ của đối tác",
    "Đề xuất khen thưởng cho đối tác",
    "Dịch và gửi tài liệu giới thiệu địa phương",
]

#: words left out of acronyms and of web addresses made from names
SMALL_WORDS = {
    "of", "the", "for", "and", "in", "on", "to", "a", "de", "du", "des", "la", "le", "les", "l",
    "d", "der", "die", "das", "fur", "e", "v", "vzw", "ry", "di", "per",
}  # fmt: skip
LEGAL_WORDS = {
    "co", "ltd", "inc", "llc", "pte", "gmbh", "sa", "s", "p", "a", "b", "v", "as", "pty", "jsc",
    "corporation", "group", "ao", "e",
}  # fmt: skip


@dataclass
class Plan:
    """One partner to write, with everything that hangs from it."""

    kind: str
    name: str
    country: str
    name_en: str = ""
    name_vi: str = ""
    acronym: str = ""
    domain: str = ""
    friendship: bool = False
    fields: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    home: str = ""  # province code (2025) where an NGO works first
    holders: list = field(default_factory=list)  # [(Organization, role)], the lead first
    contacts: list[dict] = field(default_factory=list)
    values: dict = field(default_factory=dict)  # the other Partner fields
    quiet: bool = False  # no interaction since 2023
    ended_on: date | None = None
    duplicate_of: "Plan | None" = None
    paired: bool = False  # the original of a seeded near-duplicate
    partner: Partner | None = None
    contact_objects: list[Contact] = field(default_factory=list)


class PartnerDemo:
    """One load of the partner data set: the random source, what it builds on, what it made."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.plans: list[Plan] = []
        self.used_names: set[str] = set()
        self.used_acronyms: set[str] = set()
        self.used_people: set[str] = set()
        self.used_domains: set[str] = set()

    # --- what the registry's demo made ----------------------------------------------------------

    def read_registry(self) -> None:
        self.admin = User.objects.filter(username="admin").first()
        if self.admin is None:
            raise CommandError("Load the registry's demo data set first (no user 'admin').")
        self.hanoi = User.objects.get(username="hanoi").organization
        self.danang = User.objects.get(username="danang").organization
        active = Organization.objects.filter(status=OrganizationStatus.ACTIVE).order_by("pk")
        self.departments = {
            org.external_ref.removeprefix("demo-dept-"): org
            for org in active.filter(kind=OrganizationKind.STANDING_UNIT)
        }
        self.associations = {
            org.external_ref.removeprefix("demo-assoc-").upper(): org
            for org in active.filter(kind=OrganizationKind.CENTRAL_MEMBER)
        }
        self.unions = {
            org.province.code: org
            for org in active.filter(kind=OrganizationKind.PROVINCIAL_UNION).select_related(
                "province"
            )
        }
        self.people: dict[int, list[int]] = {}
        for person_id, org_id in Person.objects.order_by("pk").values_list("pk", "organization_id"):
            self.people.setdefault(org_id, []).append(person_id)
        self.countries = Country.objects.in_bulk(field_name="code")
        self.fields = FieldOfWork.objects.in_bulk(field_name="code")
        self.provinces = {p.code: p for p in Province.objects.current()}

    # --- helpers --------------------------------------------------------------------------------

    def weighted(self, pairs):
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def region(self, code: str) -> str:
        return self.countries[code].region

    def department_for(self, code: str) -> Organization:
        region = self.region(code)
        if region == "africa" or code in WEST_ASIA:
            return self.departments["africa-west-asia"]
        return self.departments[
            {"asia": "asia-pacific", "oceania": "asia-pacific"}.get(region, region)
        ]

    def person(self, culture: str, gender: str | None = None) -> tuple[str, str]:
        """An invented name of the culture, never given twice, and the person's gender."""
        gender = gender or ("f" if self.rng.random() < 0.45 else "m")
        for attempt in range(1000):
            if culture == "vi":
                family = self.weighted(FAMILY_NAMES)
                if gender == "f":
                    name = f"{family} Thị {self.rng.choice(FEMALE_GIVEN)}"
                else:
                    name = f"{family} {self.rng.choice(MALE_MIDDLE)} {self.rng.choice(MALE_GIVEN)}"
            else:
                male, female, families, female_families = NAMES[culture]
                given = self.rng.choice(female if gender == "f" else male)
                index = self.rng.randrange(len(families))
                family = families[index]
                if gender == "f" and female_families:
                    family = female_families[index]
                if attempt > 40:  # a small pool runs out: a middle initial tells them apart
                    given = f"{given} {self.rng.choice('ABCDEFGHJKLMNPRSTW')}."
                name = f"{family} {given}" if culture in FAMILY_FIRST else f"{given} {family}"
            if name not in self.used_people:
                self.used_people.add(name)
                return name, gender
        raise RuntimeError(f"No more {culture} names to invent.")

    @staticmethod
    def spoken(name: str, gender: str, title: str = "") -> str:
        """How a Vietnamese summary names someone: by title, else "ông"/"bà"."""
        return f"{TITLES_VI.get(title) or ('bà' if gender == 'f' else 'ông')} {name}"

    def make_acronym(self, name: str) -> str:
        words = [w for w in normalise(name).split() if w not in SMALL_WORDS]
        acronym = "".join(word[0] for word in words).upper()
        return acronym if 2 <= len(acronym) <= 6 else ""

    def claim_acronym(self, acronym: str) -> str:
        if not acronym or acronym in self.used_acronyms:
            return ""
        self.used_acronyms.add(acronym)
        return acronym

    @staticmethod
    def slug(name: str, limit: int = 26) -> str:
        words = [w for w in normalise(name).split() if w not in SMALL_WORDS | LEGAL_WORDS]
        slug = ""
        for word in words:
            if len(slug) + len(word) > limit and slug:
                break
            slug += word
        return slug

    @staticmethod
    def domain(slug: str, code: str, kind: str) -> str:
        cc = code.lower() if code != "GB" else "uk"
        if kind == PartnerKind.UNIVERSITY:
            special = {"US": "edu", "GB": "ac.uk", "AU": "edu.au", "JP": "ac.jp", "KR": "ac.kr",
                       "NZ": "ac.nz", "ZA": "ac.za", "IN": "ac.in", "TH": "ac.th"}  # fmt: skip
            return f"{slug}.{special.get(code, 'edu.' + cc)}"
        if kind in (PartnerKind.ENTERPRISE, PartnerKind.MEDIA):
            special = {"US": "com", "GB": "co.uk", "JP": "co.jp", "KR": "co.kr", "AU": "com.au",
                       "IN": "co.in", "TH": "co.th", "ZA": "co.za", "NZ": "co.nz"}  # fmt: skip
            return f"{slug}.{special.get(code, cc)}"
        if kind in (PartnerKind.GOVERNMENT, PartnerKind.PARLIAMENT):
            return f"{slug}.gov.{cc}" if code != "US" else f"{slug}.gov"
        special = {"US": "org", "CA": "org", "GB": "org.uk", "AU": "org.au", "NZ": "org.nz",
                   "JP": "or.jp", "KR": "or.kr", "TH": "or.th", "IN": "org.in", "SG": "org.sg",
                   "PH": "org.ph", "ZA": "org.za", "KE": "or.ke", "IE": "ie",
                   "BR": "org.br"}  # fmt: skip
        return f"{slug}.{special.get(code, 'org' if kind == PartnerKind.INTERNATIONAL_ORG else cc)}"

    def unique_domain(self, plan: Plan) -> str:
        """A web domain made from the name, or from the acronym when the name is long."""
        slug = self.slug(plan.name_en or plan.name)
        if plan.kind == PartnerKind.OVERSEAS_VIETNAMESE:
            slug = self.slug(plan.name.removeprefix("Hội "))
        if plan.acronym and len(plan.acronym) >= 3 and (len(slug) > 18 or self.rng.random() < 0.3):
            slug = plan.acronym.lower()
        domain = self.domain(slug, plan.country, plan.kind)
        if domain in self.used_domains:
            domain = self.domain(f"{slug}-{plan.country.lower()}", plan.country, plan.kind)
        self.used_domains.add(domain)
        return domain

    def new_plan(self, kind, code, name, name_en="", name_vi="", acronym="", **extra) -> Plan:
        self.used_names.add(name)
        plan = Plan(kind=kind, country=code, name=name, name_en=name_en, name_vi=name_vi,
                    acronym=self.claim_acronym(acronym), **extra)  # fmt: skip
        if kind not in (PartnerKind.INDIVIDUAL, PartnerKind.EMBASSY):
            plan.domain = self.unique_domain(plan)
        self.plans.append(plan)
        return plan

    # --- names by kind --------------------------------------------------------------------------

    def plan_ngos(self) -> None:
        natives = {code: list(rows) for code, rows in NATIVE_NGOS.items()}
        self.cores = self.rng.sample(NGO_CORES, len(NGO_CORES))
        for code, count in NGO_COUNTRIES:
            for _ in range(count):
                pool = natives.get(code)
                if pool:
                    name, name_en, name_vi, acronym = pool.pop(0)
                else:
                    name, name_vi = self.english_ngo_name(code)
                    name_en = ""
                    acronym = self.make_acronym(name) if self.rng.random() < 0.7 else ""
                self.new_plan(PartnerKind.NGO, code, name, name_en, name_vi, acronym)
        for code, name, name_en, name_vi, acronym in FRIENDSHIP_SOCIETIES:
            self.new_plan(PartnerKind.NGO, code, name, name_en, name_vi, acronym, friendship=True)

    def english_ngo_name(self, code: str) -> tuple[str, str]:
        core, core_vi = self.cores.pop()
        form, form_vi, _weight = self.weighted([(row, row[2]) for row in NGO_FORMS])
        prefix = NGO_PREFIX.get(code) if self.rng.random() < 0.4 else None
        name_vi = form_vi.format(v=core_vi)
        if prefix and not form.endswith(("Viet Nam", "Asia")):
            name = f"{prefix[0]} {form.format(c=core)}"
            name_vi = f"{name_vi} {prefix[1]}"
        else:
            name = form.format(c=core)
        return name, name_vi

    def plan_embassies(self) -> None:
        for code in EMBASSY_COUNTRIES:
            official, _culture, _city, vi = COUNTRIES[code]
            english = f"Embassy of {official} in Viet Nam"
            native = EMBASSY_NATIVE.get(code)
            plan = self.new_plan(
                PartnerKind.EMBASSY,
                code,
                native or english,
                name_en=english if native else "",
                name_vi=f"Đại sứ quán {vi} tại Việt Nam",
            )
            country = EMBASSY_DOMAINS.get(code, code.lower())
            plan.domain = f"{country}embassy.org.vn"

    def plan_listed(self) -> None:
        for kind, rows in (
            (PartnerKind.INTERNATIONAL_ORG, INTERNATIONAL_ORGS),
            (PartnerKind.GOVERNMENT, GOVERNMENTS),
            (PartnerKind.PARLIAMENT, PARLIAMENTS),
            (PartnerKind.RESEARCH, RESEARCH),
            (PartnerKind.UNIVERSITY, UNIVERSITIES),
            (PartnerKind.ENTERPRISE, ENTERPRISES),
            (PartnerKind.RELIGIOUS, RELIGIOUS),
            (PartnerKind.MEDIA, MEDIA),
            (PartnerKind.OTHER, OTHERS),
        ):
            for code, name, name_en, name_vi, acronym in rows:
                plan = self.new_plan(kind, code, name, name_en, name_vi, acronym)
                if kind in (PartnerKind.GOVERNMENT, PartnerKind.PARLIAMENT):
                    if self.rng.random() < 0.5:
                        plan.domain = ""  # many have only a page on a larger site
        for code, name, name_en, acronym in OVERSEAS_VIETNAMESE:
            self.new_plan(PartnerKind.OVERSEAS_VIETNAMESE, code, name, name_en, "", acronym)
        for code, gender, _profession_vi, profession in INDIVIDUALS:
            name, _gender = self.person(COUNTRIES[code][1], gender)
            plan = self.new_plan(PartnerKind.INDIVIDUAL, code, name)
            plan.values["profession"] = profession
            plan.values["gender"] = gender

    # --- the details of each partner ------------------------------------------------------------

    def fill(self, plan: Plan) -> None:
        rng = self.rng
        weights = FRIENDSHIP_FIELDS if plan.friendship else FIELDS_BY_KIND[plan.kind]
        count = self.weighted([(1, 4), (2, 4), (3, 2), (4, 1)])
        while len(plan.fields) < min(count, len(weights)):
            code = self.weighted(weights)
            if code not in plan.fields:
                plan.fields.append(code)
        plan.countries = self.operating_countries(plan)
        if plan.kind == PartnerKind.NGO and not plan.friendship:
            plan.home = self.weighted(list(NGO_PROVINCES.items()))
        status = self.status_for(plan)
        strength = self.strength_for(status)
        values = plan.values
        values.update(
            status=status,
            strength=strength,
            strength_reason=(
                rng.choice(STRENGTH_REASONS[strength if status == PartnerStatus.ACTIVE else status])
                if strength and rng.random() < 0.7
                else ""
            ),
            relationship_since=self.since_for(plan, status),
            sensitivity=Sensitivity.PUBLIC if rng.random() < 0.22 else Sensitivity.INTERNAL,
            tags=self.tags_for(plan),
        )
        if status == PartnerStatus.ENDED:
            plan.ended_on = self.day_between(date(2021, 1, 1), date(2024, 6, 30))
            plan.quiet = plan.ended_on <= QUIET_SINCE
        elif status == PartnerStatus.DORMANT:
            plan.quiet = True
        elif status == PartnerStatus.ACTIVE and rng.random() < 0.025:
            plan.quiet = True  # active on paper, silent in fact: what the dormant flag is for
        last = plan.ended_on or (QUIET_SINCE if plan.quiet else None)
        if last and values["relationship_since"] and values["relationship_since"] > last:
            values["relationship_since"] = self.day_between(date(1995, 1, 1), last)
        if plan.kind == PartnerKind.EMBASSY:
            values["sensitivity"] = (
                Sensitivity.PUBLIC if rng.random() < 0.6 else Sensitivity.INTERNAL
            )
        self.fill_contact_details(plan)
        self.plan_contacts(plan)

    def operating_countries(self, plan: Plan) -> list[str]:
        if plan.kind == PartnerKind.INDIVIDUAL:
            return []
        if plan.kind in (PartnerKind.EMBASSY, PartnerKind.OVERSEAS_VIETNAMESE):
            return ["VN"]
        chosen = ["VN"] if self.rng.random() < 0.9 else []
        for _ in range(self.weighted([(0, 5), (1, 3), (2, 2), (3, 1)])):
            code = self.rng.choice(NEIGHBOURS + [plan.country])
            if code not in chosen:
                chosen.append(code)
        return chosen[:4]

    def status_for(self, plan: Plan) -> str:
        if plan.kind in (PartnerKind.EMBASSY, PartnerKind.PARLIAMENT):
            return self.weighted([(PartnerStatus.ACTIVE, 19), (PartnerStatus.DORMANT, 1)])
        return self.weighted(
            [
                (PartnerStatus.ACTIVE, 82),
                (PartnerStatus.PROSPECTIVE, 8),
                (PartnerStatus.DORMANT, 5),
                (PartnerStatus.ENDED, 5),
            ]
        )

    def strength_for(self, status: str) -> int | None:
        if status == PartnerStatus.ACTIVE:
            return self.weighted([(5, 15), (4, 35), (3, 35), (2, 15)])
        if status == PartnerStatus.PROSPECTIVE:
            return self.weighted([(1, 3), (2, 2), (None, 1)])
        return self.weighted([(1, 2), (2, 3), (3, 1), (None, 1)])

    def since_for(self, plan: Plan, status: str) -> date | None:
        if status == PartnerStatus.PROSPECTIVE:
            return (
                None
                if self.rng.random() < 0.5
                else self.day_between(date(2024, 1, 1), date(2024, 12, 31))
            )
        start, end = date(1990, 1, 1), date(2024, 12, 31)
        if plan.kind in (PartnerKind.ENTERPRISE, PartnerKind.OVERSEAS_VIETNAMESE):
            start = date(2005, 1, 1)
        elif plan.kind == PartnerKind.EMBASSY:
            end = date(2005, 12, 31)
        return self.day_between(start, end)

    def tags_for(self, plan: Plan) -> str:
        if self.rng.random() > 0.35:
            return ""
        tags = [TAGS[code] for code in plan.fields if code in TAGS]
        if self.rng.random() < 0.5:
            tags.append(self.rng.choice(EXTRA_TAGS[""] + EXTRA_TAGS.get(plan.kind, [])))
        return ", ".join(dict.fromkeys(tags))

    def fill_contact_details(self, plan: Plan) -> None:
        rng, values = self.rng, plan.values
        if plan.domain and rng.random() < 0.9:
            values["website"] = f"https://www.{plan.domain}"
            if rng.random() < 0.85:
                mailbox = "vietnam" if plan.kind == PartnerKind.NGO else "info"
                if plan.kind == PartnerKind.EMBASSY:
                    mailbox = "hanoi"
                values["email"] = f"{mailbox}@{plan.domain}"
        in_viet_nam = plan.kind == PartnerKind.EMBASSY or (
            plan.kind in (PartnerKind.NGO, PartnerKind.INTERNATIONAL_ORG, PartnerKind.ENTERPRISE)
            and not plan.friendship
            and rng.random() < 0.5
        )
        if in_viet_nam:
            code = plan.home if plan.home in WARDS else rng.choice(["01", "01", "79", "48"])
            if plan.kind == PartnerKind.EMBASSY:
                code = "01"
            city, wards = WARDS[code]
            values["address"] = (
                f"Số {rng.randint(1, 120)} {rng.choice(STREETS)}, "
                f"phường {rng.choice(wards)}, {city}"
            )
            area = {"01": "24", "79": "28", "48": "236", "46": "234"}[code]
            values["phone"] = f"+84 {area} {rng.randint(3700, 3999)} {rng.randint(1000, 9999)}"
        elif plan.kind == PartnerKind.NGO and not plan.friendship and not plan.name_en:
            city = rng.choice(HQ_CITIES.get(plan.country, [COUNTRIES[plan.country][2]]))
            values["address"] = f"{city}, {self.countries[plan.country].name_en}"

    def plan_contacts(self, plan: Plan) -> None:
        rng = self.rng
        culture = COUNTRIES[plan.country][1]
        if plan.kind == PartnerKind.OVERSEAS_VIETNAMESE:
            culture = "vi"
        language = LANGUAGES[culture] if culture != "vi" else "Vietnamese"
        if plan.kind == PartnerKind.INDIVIDUAL:
            # The friend is the contact; some have a relative or assistant who answers for them.
            gender = plan.values.pop("gender")
            plan.contacts.append(
                {
                    "full_name": plan.name,
                    "title": plan.values.pop("profession"),
                    "languages": language,
                    "is_current": True,
                    "spoken": self.spoken(plan.name, gender),
                }  # fmt: skip
            )
            if rng.random() < 0.25:
                plan.contacts.append(self.contact(plan, culture, "Personal assistant", language))
            return
        if rng.random() < 0.08:
            return  # nobody known by name yet
        count = self.weighted([(1, 4), (2, 4), (3, 2)])
        titles = FRIENDSHIP_TITLES if plan.friendship else CONTACT_TITLES[plan.kind]
        if plan.kind == PartnerKind.EMBASSY:
            titles = ["Ambassador"] + list(titles)
        chosen = titles[:1] + rng.sample(titles[1:], min(count - 1, len(titles) - 1))
        official = plan.kind in (
            PartnerKind.EMBASSY,
            PartnerKind.GOVERNMENT,
            PartnerKind.PARLIAMENT,
        )
        for title in chosen:
            # Some NGOs and firms send an English-speaking expatriate; states send their own.
            expatriate = not official and culture != "vi" and rng.random() < 0.15
            contact_culture = "en" if expatriate else culture
            plan.contacts.append(self.contact(plan, contact_culture, title, language))
        if plan.kind == PartnerKind.EMBASSY and rng.random() < 0.4:
            plan.contacts.append(self.contact(plan, culture, "Ambassador", language, current=False))
        elif rng.random() < 0.1:
            plan.contacts.append(self.contact(plan, culture, chosen[0], language, current=False))

    def contact(self, plan, culture, title, language, current=True) -> dict:
        full_name, gender = self.person(culture)
        languages = language if language == "English" else f"{language}, English"
        if culture != "vi" and self.rng.random() < 0.15:
            languages += ", Vietnamese"
        email = ""
        if plan.domain and self.rng.random() < 0.75:
            if culture == "vi":  # hanh.nguyen@
                local = f"{normalise(full_name.split()[-1])}.{normalise(full_name.split()[0])}"
            else:  # j.smith@
                if culture in FAMILY_FIRST:
                    family, given = full_name.split(" ", 1)
                else:
                    given, family = full_name.split(" ", 1)[0], full_name.rsplit(" ", 1)[-1]
                local = f"{normalise(given)[0]}.{normalise(family).replace(' ', '')}"
            email = f"{local}@{plan.domain}"
        return {"full_name": full_name, "title": title, "languages": languages,
                "email": email, "is_current": current,
                "spoken": self.spoken(full_name, gender, title)}  # fmt: skip

    # --- who holds what -------------------------------------------------------------------------

    def plan_holders(self, plan: Plan) -> None:
        rng = self.rng
        code = plan.country
        association = self.associations.get(code)
        department = self.department_for(code)
        paccom = self.departments["paccom"]
        holders: list[Organization] = []
        supporting: list[Organization] = []

        def local() -> Organization:
            return self.unions[self.weighted(list(LOCAL_PROVINCES.items()))]

        kind = plan.kind
        if kind == PartnerKind.NGO and not plan.friendship:
            home_union = self.unions.get(plan.home)
            if home_union and rng.random() < 0.6:
                holders.append(home_union)
                if rng.random() < 0.7:
                    supporting.append(paccom)
            else:
                holders.append(paccom)
                if home_union and rng.random() < 0.6:
                    supporting.append(home_union)
            if association and rng.random() < 0.3:
                supporting.append(association)
        elif kind == PartnerKind.NGO:
            holders.append(association or department)
            if rng.random() < 0.5:
                supporting.append(department)
            if rng.random() < 0.3:
                supporting.append(self.unions[self.border_or_local(code)])
        elif kind in (PartnerKind.EMBASSY, PartnerKind.PARLIAMENT):
            holders.append(department)
            if association and rng.random() < 0.9:
                supporting.append(association)
            if kind == PartnerKind.EMBASSY and rng.random() < 0.3:
                supporting.append(self.hanoi)
        elif kind == PartnerKind.INTERNATIONAL_ORG:
            holders.append(paccom if rng.random() < 0.6 else department)
            supporting.append(department if holders[0] is paccom else paccom)
        elif kind == PartnerKind.GOVERNMENT:
            if code in BORDER_PROVINCES:
                holders.append(self.unions[rng.choice(BORDER_PROVINCES[code])])
                supporting.append(department)
            else:
                holders.append(department)
            if association:
                supporting.append(association)
        elif kind in (PartnerKind.OVERSEAS_VIETNAMESE, PartnerKind.INDIVIDUAL):
            holders.append(association or department)
            if rng.random() < 0.45:
                # Nghệ An's Union works with the many people of the province living abroad.
                from_nghe_an = kind == PartnerKind.OVERSEAS_VIETNAMESE and rng.random() < 0.4
                supporting.append(self.unions["40"] if from_nghe_an else local())
        elif kind == PartnerKind.ENTERPRISE:
            if rng.random() < 0.5:
                holders.append(local())
                if association:
                    supporting.append(association)
            else:
                holders.append(association or department)
                if rng.random() < 0.4:
                    supporting.append(local())
        elif kind == PartnerKind.OTHER:
            holders.append(local() if rng.random() < 0.6 else association or department)
            if association and association not in holders:
                supporting.append(association)
        else:  # research, university, religious, media
            holders.append(association if association and rng.random() < 0.5 else department)
            if rng.random() < 0.35:
                supporting.append(local())
        for org in supporting:
            if org not in holders and len(holders) < 3:
                holders.append(org)
        plan.holders = [
            (org, HolderRole.LEAD if index == 0 else HolderRole.SUPPORTING)
            for index, org in enumerate(holders)
        ]

    def border_or_local(self, code: str) -> str:
        if code in BORDER_PROVINCES:
            return self.rng.choice(BORDER_PROVINCES[code])
        return self.weighted(list(LOCAL_PROVINCES.items()))

    def held_by(self, plan: Plan, org: Organization) -> bool:
        return any(holder == org for holder, _role in plan.holders)

    def ensure_local(self, union: Organization, province: str, minimum: int) -> None:
        """Enough partners held by the Unions of the demo's unit officers for scoping to show."""
        held = [plan for plan in self.plans if self.held_by(plan, union)]
        candidates = [
            plan
            for plan in self.plans
            if not self.held_by(plan, union)
            and len(plan.holders) < 3
            and (
                plan.home == province
                or plan.kind in (PartnerKind.UNIVERSITY, PartnerKind.INDIVIDUAL, PartnerKind.OTHER)
            )
        ]
        self.rng.shuffle(candidates)
        for plan in candidates[: max(minimum - len(held), 0)]:
            plan.holders.append((union, HolderRole.SUPPORTING))

    def choose_restricted(self) -> None:
        """About 5% restricted: two held by each unit officer's Union, the rest elsewhere."""
        sensitive = (PartnerKind.RELIGIOUS, PartnerKind.MEDIA, PartnerKind.INDIVIDUAL,
                     PartnerKind.NGO, PartnerKind.RESEARCH)  # fmt: skip
        for union, other in ((self.hanoi, self.danang), (self.danang, self.hanoi)):
            mine = [
                plan
                for plan in self.plans
                if plan.kind in sensitive + (PartnerKind.ENTERPRISE, PartnerKind.OTHER)
                and self.held_by(plan, union)
                and not self.held_by(plan, other)
                and plan.values["sensitivity"] != Sensitivity.RESTRICTED
            ]
            for plan in self.rng.sample(mine, 2):
                plan.values["sensitivity"] = Sensitivity.RESTRICTED
        elsewhere = [
            plan
            for plan in self.plans
            if plan.kind in sensitive
            and not self.held_by(plan, self.hanoi)
            and not self.held_by(plan, self.danang)
        ]
        for plan in self.rng.sample(elsewhere, round(len(self.plans) * 0.05) - 4):
            plan.values["sensitivity"] = Sensitivity.RESTRICTED

    # --- near-duplicates ------------------------------------------------------------------------

    def plan_duplicates(self) -> None:
        """Twelve partners entered twice, as happens when a Union enters one the centre holds.

        The pairs, for the duplicates page to find:
        - a French and a Vietnamese name typed without diacritics;
        - a legal suffix added or dropped (an enterprise, a German "e.V.", an NGO's ", Inc.");
        - the words of a friendship society's name reordered, and of a university's;
        - a one-letter typo, in an NGO's and in a research institute's name;
        - the acronym alone as the name, for an NGO and an international organization;
        - the same website under a different (translated) name.
        """
        by_kind: dict[str, list[Plan]] = {}
        for plan in self.plans:
            if plan.values["sensitivity"] != Sensitivity.RESTRICTED:
                by_kind.setdefault(plan.kind, []).append(plan)

        def first(kind, test) -> Plan:
            return next(plan for plan in by_kind[kind] if test(plan) and not plan.paired)

        ngos = [p for p in by_kind[PartnerKind.NGO] if not p.friendship]
        accented = next(p for p in ngos if p.country == "FR" and p.name != strip_marks(p.name))
        self.duplicate(accented, strip_marks(accented.name))
        overseas = by_kind[PartnerKind.OVERSEAS_VIETNAMESE][0]
        self.duplicate(overseas, strip_marks(overseas.name))
        company = first(PartnerKind.ENTERPRISE, lambda p: p.name.endswith("Co., Ltd."))
        self.duplicate(company, company.name.removesuffix(" Co., Ltd."))
        verein = next(p for p in ngos if p.name.endswith(" e.V."))
        self.duplicate(verein, verein.name.removesuffix(" e.V."))
        foundation = next(p for p in ngos if p.name.endswith("Foundation") and p.country == "US")
        self.duplicate(foundation, f"{foundation.name}, Inc.")
        society = next(p for p in self.plans if p.friendship and "–Viet Nam" in p.name)
        self.duplicate(society, reorder_pair(society.name))
        university = first(PartnerKind.UNIVERSITY, lambda p: p.name.startswith("University of"))
        place = university.name.removeprefix("University of the ").removeprefix("University of ")
        self.duplicate(university, f"{place} University")
        typo = next(p for p in ngos if p.country in ("GB", "AU") and not p.name_en)
        self.duplicate(typo, one_letter_typo(typo.name))
        institute = first(PartnerKind.RESEARCH, lambda p: p.country == "US")
        self.duplicate(institute, one_letter_typo(institute.name))
        short = next(p for p in ngos if len(p.acronym) >= 3 and p.country == "US" and not p.paired)
        self.duplicate(short, short.acronym)
        organization = first(PartnerKind.INTERNATIONAL_ORG, lambda p: bool(p.acronym))
        self.duplicate(organization, organization.acronym)
        same_site = next(p for p in ngos if p.name_en and p.values.get("website") and not p.paired)
        self.duplicate(same_site, same_site.name_en, website=same_site.values["website"])

    def duplicate(self, original: Plan, name: str, website: str = "") -> Plan:
        rng = self.rng
        plan = Plan(kind=original.kind, country=original.country, name=name,
                    friendship=original.friendship, duplicate_of=original)  # fmt: skip
        original.paired = True
        plan.fields = original.fields[:1]
        plan.countries = ["VN"] if "VN" in original.countries else []
        plan.home = original.home
        status = PartnerStatus.ACTIVE if rng.random() < 0.7 else PartnerStatus.PROSPECTIVE
        plan.values = {
            "status": status,
            "strength": rng.choice([2, 3]) if status == PartnerStatus.ACTIVE else None,
            "relationship_since": self.day_between(date(2022, 1, 1), date(2024, 12, 31)),
            "sensitivity": Sensitivity.INTERNAL,
            "website": website,
        }
        if original.contacts and rng.random() < 0.6:
            same = original.contacts[0]
            plan.contacts = [dict(same, email="", is_current=True)]
        # Entered by a Union that did not know the centre already held it.
        taken = {org.pk for org, _role in original.holders}
        unions = [
            self.unions[code]
            for code in ("01", "48", "79", "46", "40")
            if self.unions[code].pk not in taken
        ]
        plan.holders = [(rng.choice(unions), HolderRole.LEAD)]
        self.plans.append(plan)
        return plan

    # --- writing --------------------------------------------------------------------------------

    def write_partners(self) -> None:
        partners = []
        for number, plan in enumerate(self.plans, start=1):
            values = plan.values
            partner = Partner(
                kind=plan.kind,
                name=plan.name,
                name_vi=plan.name_vi,
                name_en=plan.name_en,
                acronym=plan.acronym,
                country=self.countries[plan.country],
                external_ref=f"{REF_PREFIX}{number:03d}",
                notes=MARK,
                **values,
            )
            # What Partner.save() derives, written here because the rows are bulk-created: the
            # contacts are already known, so the search text holds their names from the start.
            names = [c["full_name"] for c in sorted(plan.contacts, key=contact_order)]
            words = [partner.name, partner.name_vi, partner.name_en, partner.acronym, *names]
            partner.search_text = normalise(" ".join(words))
            partners.append(partner)
        bulk_create_with_history(partners, Partner, batch_size=500, default_user=self.admin)
        for plan, partner in zip(self.plans, partners, strict=True):
            plan.partner = partner
        Countries = Partner.countries.through
        Fields = Partner.fields.through
        Countries.objects.bulk_create(
            Countries(partner_id=plan.partner.pk, country_id=self.countries[code].pk)
            for plan in self.plans
            for code in plan.countries
        )
        Fields.objects.bulk_create(
            Fields(partner_id=plan.partner.pk, fieldofwork_id=self.fields[code].pk)
            for plan in self.plans
            for code in plan.fields
        )

    def write_holders_and_contacts(self) -> None:
        holders, contacts = [], []
        for plan in self.plans:
            since = plan.values.get("relationship_since")
            for org, role in plan.holders:
                start = since
                if since and role == HolderRole.SUPPORTING:
                    start = self.day_between(since, date(2024, 12, 31))
                holders.append(
                    RelationshipHolder(
                        partner=plan.partner,
                        organization=org,
                        role=role,
                        since=start,
                        notes=MARK,
                    )
                )
            for values in plan.contacts:
                values = {k: v for k, v in values.items() if k != "spoken"}
                contact = Contact(partner=plan.partner, notes=MARK, **values)
                contacts.append(contact)
                plan.contact_objects.append(contact)
        bulk_create_with_history(holders, RelationshipHolder, batch_size=500,
                                 default_user=self.admin)  # fmt: skip
        bulk_create_with_history(contacts, Contact, batch_size=500, default_user=self.admin)

    def write_registrations(self) -> None:
        """Most development NGOs are registered; a few registrations expire soon, a few have."""
        rng, today = self.rng, date.today()
        ngos = [
            plan
            for plan in self.plans
            if plan.kind == PartnerKind.NGO and not plan.friendship and not plan.duplicate_of
        ]
        registered = [
            plan
            for plan in ngos
            if plan.values["status"] != PartnerStatus.PROSPECTIVE and rng.random() < 0.88
        ]
        quiet = [plan for plan in registered if plan.quiet]
        live = [plan for plan in registered if not plan.quiet]
        expired = set(map(id, rng.sample(quiet, min(5, len(quiet)))))
        expiring = set(map(id, rng.sample(live, 4)))
        numbers = rng.sample(range(20, 990), len(registered))
        earliest = max(date(2019, 1, 1), add_years(today, -5) + timedelta(days=91))
        latest = min(date(2024, 12, 31), today)
        if earliest > latest:  # the demo loaded long after 2029: keep "valid" meaning valid
            earliest, latest = add_years(today, -5) + timedelta(days=91), today
        rows, covered = [], []
        for plan, number in zip(registered, numbers, strict=True):
            if id(plan) in expiring:
                expires = today + timedelta(days=rng.randint(10, 85))
                issued = add_years(expires, -5)
            elif id(plan) in expired:
                expires = today - timedelta(days=rng.randint(20, 400))
                issued = add_years(expires, -5)
            else:
                issued = self.day_between(earliest, latest)
                expires = add_years(issued, 5)
            kind = self.weighted(
                [
                    (RegistrationType.PROJECT_OFFICE, 45),
                    (RegistrationType.OPERATION, 35),
                    (RegistrationType.REPRESENTATIVE_OFFICE, 20),
                ]
            )
            rows.append(
                NgoRegistration(
                    partner=plan.partner,
                    registration_type=kind,
                    number=f"{number}/ĐK-PCP",
                    issuing_authority=AUTHORITY,
                    issued_on=issued,
                    expires_on=expires,
                    notes=MARK,
                )
            )
            provinces = [plan.home] if plan.home else []
            for _ in range(self.weighted([(0, 3), (1, 3), (2, 2), (3, 1), (4, 1)])):
                code = self.weighted(list(NGO_PROVINCES.items()))
                if code not in provinces:
                    provinces.append(code)
            covered.append(provinces)
        bulk_create_with_history(rows, NgoRegistration, batch_size=500, default_user=self.admin)
        Provinces = NgoRegistration.provinces.through
        Provinces.objects.bulk_create(
            Provinces(ngoregistration_id=row.pk, province_id=self.provinces[code].pk)
            for row, codes in zip(rows, covered, strict=True)
            for code in codes
        )

    # --- interactions ---------------------------------------------------------------------------

    def interaction_dates(self, plan: Plan) -> list[date]:
        rng, values = self.rng, plan.values
        status = values["status"]
        start = max(FIRST_DAY, values.get("relationship_since") or date(2024, 1, 1))
        end = HORIZON
        if plan.duplicate_of:
            count = rng.randint(1, 3)
            start = max(start, date(2023, 6, 1))
        elif status == PartnerStatus.PROSPECTIVE:
            count = rng.choice([0, 1, 2, 2, 3])
            start = max(start, date(2024, 6, 1))
        elif status == PartnerStatus.ACTIVE and not plan.quiet:
            low, high = {5: (14, 24), 4: (9, 16), 3: (6, 11), 2: (3, 7)}[values["strength"]]
            count = rng.randint(low, high)
        else:
            count = rng.randint(1, 5)
        if plan.ended_on:
            end = plan.ended_on
        elif plan.quiet:
            end = QUIET_SINCE
        if start > end:
            start = max(FIRST_DAY, end - timedelta(days=700))
        days = sorted(self.day_between(start, end) for _ in range(count))
        if days and plan.ended_on:
            days[-1] = plan.ended_on  # the closing letter or meeting
        recent = status == PartnerStatus.ACTIVE and not plan.quiet
        if days and recent and days[-1] < RECENT_FROM:
            days[-1] = self.day_between(RECENT_FROM, HORIZON)  # in touch lately
        return days

    def write_interactions(self) -> None:
        rng = self.rng
        interactions, people, contacts, others, follow_ups = [], [], [], [], []
        union_list = list(self.unions.values())
        for plan in self.plans:
            orgs = [org for org, _role in plan.holders]
            for day in self.interaction_dates(plan):
                org = orgs[0] if rng.random() < 0.65 or len(orgs) == 1 else rng.choice(orgs[1:])
                kind = self.interaction_kind(plan, day)
                interaction = Interaction(
                    partner=plan.partner,
                    organization=org,
                    occurred_on=day,
                    kind=kind,
                    summary=self.summary(plan, org, kind, day),
                    notes=MARK,
                )
                interactions.append(interaction)
                staff = self.people.get(org.pk, [])
                chosen_people = rng.sample(staff, min(len(staff), rng.randint(1, 3)))
                people.append(chosen_people)
                current = [c for c in plan.contact_objects if c.is_current or day.year < 2023]
                contacts.append(rng.sample(current, min(len(current), rng.randint(0, 2))))
                other = None
                if rng.random() < 0.12:
                    # Another of ours came along: a fellow holder, or the Union of the place.
                    other = rng.choice([o for o in orgs if o != org] or union_list)
                others.append([other] if other and other != org else [])
                if rng.random() < 0.2:
                    follow_ups.append((interaction, self.follow_up(day, chosen_people)))
        bulk_create_with_history(interactions, Interaction, batch_size=500,
                                 default_user=self.admin)  # fmt: skip
        People = Interaction.people.through
        Contacts = Interaction.contacts.through
        Others = Interaction.other_organizations.through
        People.objects.bulk_create(
            People(interaction_id=i.pk, person_id=pk)
            for i, pks in zip(interactions, people, strict=True)
            for pk in pks
        )
        Contacts.objects.bulk_create(
            Contacts(interaction_id=i.pk, contact_id=c.pk)
            for i, chosen in zip(interactions, contacts, strict=True)
            for c in chosen
        )
        Others.objects.bulk_create(
            Others(interaction_id=i.pk, organization_id=o.pk)
            for i, chosen in zip(interactions, others, strict=True)
            for o in chosen
        )
        rows = []
        for interaction, values in follow_ups:
            values["interaction"] = interaction
            rows.append(FollowUp(notes=MARK, **values))
        bulk_create_with_history(rows, FollowUp, batch_size=500, default_user=self.admin)

    def interaction_kind(self, plan: Plan, day: date) -> str:
        weights = KIND_WEIGHTS["pandemic" if day.year in (2020, 2021) else "normal"]
        kind = self.weighted(weights)
        if kind == InteractionKind.AGREEMENT and plan.kind in (
            PartnerKind.EMBASSY, PartnerKind.INDIVIDUAL, PartnerKind.MEDIA, PartnerKind.PARLIAMENT
        ):  # fmt: skip
            kind = InteractionKind.RECEPTION
        return kind

    def summary(self, plan: Plan, org: Organization, kind: str, day: date) -> str:
        rng = self.rng
        partner = plan.acronym or plan.name_vi or plan.name
        if plan.kind == PartnerKind.INDIVIDUAL:
            partner = plan.contacts[0]["spoken"]
        topic = rng.choice(TOPICS.get(rng.choice(plan.fields), ["hoạt động hợp tác"]))
        contact = next((c["spoken"] for c in plan.contacts if c["is_current"]), partner)
        province = self.provinces.get(plan.home) or (org.province if org.province_id else None)
        place = province.name if province else rng.choice(["Hà Nội", "Huế", "Đà Nẵng"])
        project = plan.kind in PROJECT_KINDS and not plan.friendship
        templates = (PROJECT_SUMMARIES if project else RELATION_SUMMARIES)[kind]
        if kind == InteractionKind.LETTER and plan.kind in (
            PartnerKind.EMBASSY, PartnerKind.GOVERNMENT, PartnerKind.PARLIAMENT
        ):  # fmt: skip
            templates = STATE_LETTERS
        event = rng.choice(EVENTS).format(y=day.year, prev=day.year - 1)
        if day.year == 2025 and rng.random() < 0.3:
            event = "Lễ kỷ niệm 75 năm Ngày thành lập Liên hiệp các tổ chức hữu nghị Việt Nam"
        text = rng.choice(templates).format(
            p=partner, t=topic, prov=place, c=contact, o=org.short_name or org.name,
            y=day.year, y2=day.year + 2, occasion=rng.choice(OCCASIONS), event=event,
            country=self.countries[plan.country].name_vi,
        )  # fmt: skip
        return text[0].upper() + text[1:]

    def follow_up(self, day: date, people: list[int]) -> dict:
        rng = self.rng
        due = day + timedelta(days=rng.randint(7, 60))
        if due < HORIZON - timedelta(days=60):
            state = self.weighted(
                [(FollowUpState.DONE, 85), (FollowUpState.CANCELLED, 5), (FollowUpState.OPEN, 10)]
            )
        else:
            state = self.weighted([(FollowUpState.OPEN, 70), (FollowUpState.DONE, 30)])
        return {
            "action": rng.choice(FOLLOW_UPS),
            "owner_id": people[0] if people else None,
            "due_on": due,
            "state": state,
        }

    def update_last_contact(self) -> None:
        """What Interaction.save() keeps, in one statement for the bulk-created interactions."""
        latest = (
            Interaction.objects.filter(partner_id=OuterRef("pk"))
            .order_by("-occurred_on")
            .values("occurred_on")[:1]
        )
        Partner.all_objects.filter(external_ref__startswith=REF_PREFIX).update(
            last_contact_on=Subquery(latest)
        )

    # --- the whole ------------------------------------------------------------------------------

    def run(self) -> None:
        self.read_registry()
        self.plan_ngos()
        self.plan_embassies()
        self.plan_listed()
        for plan in self.plans:
            self.fill(plan)
            self.plan_holders(plan)
        self.ensure_local(self.hanoi, "01", 20)
        self.ensure_local(self.danang, "48", 18)
        self.choose_restricted()
        self.plan_duplicates()
        self.write_partners()
        self.write_holders_and_contacts()
        self.write_registrations()
        self.write_interactions()
        self.update_last_contact()


# --- text helpers -------------------------------------------------------------------------------


def contact_order(contact: dict):
    """Contacts in their model's order (current first, then by name), as Partner.save reads them."""
    return (not contact.get("is_current", True), contact["full_name"])


def strip_marks(text: str) -> str:
    """The text as typed on a keyboard without Vietnamese or French diacritics."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reorder_pair(name: str) -> str:
    """ "Japan–Viet Nam Friendship …" → "Viet Nam–Japan Friendship …"."""
    head, _dash, rest = name.partition("–Viet Nam")
    first_word = head.split()[-1]
    prefix = head[: -len(first_word)]
    return f"{prefix}Viet Nam–{first_word}{rest}"


def one_letter_typo(name: str) -> str:
    """Drop one letter of a doubled pair, or else of the longest word: "Harwell" → "Harwel"."""
    words = name.split()
    for index, word in enumerate(words):
        for position in range(1, len(word)):
            if word[position] == word[position - 1] and word[position].isalpha():
                words[index] = word[:position] + word[position + 1 :]
                return " ".join(words)
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    words[longest] = word[:-2] + word[-1]
    return " ".join(words)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- entry points -------------------------------------------------------------------------------


def load(stdout) -> dict[str, int]:
    """Write the partner database's demo data set; print and return what it made."""
    if Partner.all_objects.filter(external_ref__startswith=REF_PREFIX).exists():
        raise CommandError("The partners' demo data set is already loaded.")
    demo = PartnerDemo()
    demo.run()
    counts = count()
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts


def count() -> dict[str, int]:
    """How many records of each kind the partners' demo data set holds."""
    partners = Partner.all_objects.filter(external_ref__startswith=REF_PREFIX)
    counts = {"partners": partners.count()}
    for kind in PartnerKind:
        counts[f"- {kind.label}"] = partners.filter(kind=kind).count()
    counts["- restricted"] = partners.filter(sensitivity=Sensitivity.RESTRICTED).count()
    mine = {"partner__in": partners}
    counts["contacts"] = Contact.all_objects.filter(**mine).count()
    counts["relationship holders"] = RelationshipHolder.all_objects.filter(**mine).count()
    counts["NGO registrations"] = NgoRegistration.all_objects.filter(**mine).count()
    counts["interactions"] = Interaction.all_objects.filter(**mine).count()
    counts["follow-up actions"] = FollowUp.all_objects.filter(
        interaction__partner__in=partners
    ).count()
    return counts
