"""The demonstration district: real Kyrgyz and Russian names, demo-only passwords."""

ACCOUNTS = {
    "district": {
        "email": "district@mektep.kg",
        "name": "Айгүл Токтогулова",
        "password": "district-demo-2026",
    },
}

SCHOOLS = [
    {
        "slug": "school35",
        "name_ky": "№35 Ш.Суеркулов атындагы жалпы билим берүүчү орто мектеби",
        "name_ru": "Средняя общеобразовательная школа №35 имени Ш. Суеркулова",
        "default_language": "ky",
        "contact_email": "school35@mektep.kg",
        "accounts": {
            "admin": {
                "email": "admin35@mektep.kg",
                "name": "Нургүл Асанова",
                "password": "school35-demo-2026",
            },
            "editor": {
                "email": "editor35@mektep.kg",
                "name": "Бакыт Осмонов",
                "password": "editor35-demo-2026",
            },
        },
    },
    {
        "slug": "school5",
        "name_ky": "№5 А.Осмонов атындагы орто мектеби",
        "name_ru": "Средняя школа №5 имени А. Осмонова",
        "default_language": "ky",
        "contact_email": "school5@mektep.kg",
        "accounts": {
            "admin": {
                "email": "admin5@mektep.kg",
                "name": "Жылдыз Мамытова",
                "password": "school5-demo-2026",
            },
        },
    },
    {
        "slug": "gymnasium12",
        "name_ky": "№12 гимназия",
        "name_ru": "Гимназия №12",
        "default_language": "ru",
        "contact_email": "gymnasium12@mektep.kg",
        "accounts": {
            "admin": {
                "email": "admin12@mektep.kg",
                "name": "Елена Ким",
                "password": "gymnasium12-demo-2026",
            },
        },
    },
]
