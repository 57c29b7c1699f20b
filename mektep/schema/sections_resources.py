"""Sections about people and resources: management and teaching staff (I14,
I15), facilities and catering (I16), vacant places (I17), finances (I18), the
charter (I19) and the optional sections.

Itemprops follow the current edition of requirements.md's table: the vacant
places and finance volumes of each source of funds, the canteens as `catering`
records inside `meals`, shown on the facilities page as well."""

from flask_babel import lazy_gettext as _l

from mektep.schema.choices import EDUCATION_LEVELS, STUDY_FORMS
from mektep.schema.fields import Field, Group, Section, StaffList
from mektep.schema.pieces import DOC_HELP, facility_fields, program_name
from mektep.schema.staff import CONTACT_FIELDS, TEACHING_FIELDS


def _places(name, label, current=None):
    """A number of vacant places of one kind; `current` is the current itemprop
    of a field that keeps an older name for its stored values."""
    itemprop = f"{current} {name}" if current else None
    help_text = _l("A whole number; 0 if there are none.")
    return Field(name, "number", label, help_text, "I17", True, itemprop, max_value=5000)


def _volume(name, label):
    """The volume of educational activity of one source of funds, in a year."""
    help_text = _l("The volume of educational activity in the year; 0 if none.")
    return Field(name, "number", label, help_text, "I18", True, max_value=10**12)


MANAGERS = Section(
    "managers",
    _l("Management"),
    _l("The head of the school and the deputies."),
    [
        StaffList(
            "rucovodstvo",
            _l("Head of the school"),
            _l("Mark one staff record as the head."),
            ("head",),
            CONTACT_FIELDS,
            "I14",
            must_have=("telephone", "email"),
        ),
        StaffList(
            "rucovodstvoZam",
            _l("Deputy heads"),
            _l("Staff records marked as deputies."),
            ("deputy",),
            CONTACT_FIELDS,
            "I14",
            required=False,
        ),
    ],
)

EMPLOYEES = Section(
    "employees",
    _l("Teaching staff"),
    _l("Every teacher with education, qualification and experience."),
    [
        StaffList(
            "teachingStaff",
            _l("Teaching staff"),
            _l("Staff records of teachers."),
            ("teacher", "deputy", "head"),
            TEACHING_FIELDS,
            "I15",
        ),
    ],
)

OBJECTS = Section(
    "objects",
    _l("Facilities and equipment"),
    _l("Classrooms, library, sports, networks."),
    [
        Group(
            "purposeCab",
            _l("Equipped classrooms"),
            _l("Each classroom with its equipment."),
            [
                Field(
                    "nameCab",
                    "text",
                    _l("Classroom"),
                    _l("E.g. «Chemistry laboratory»."),
                    "I16",
                    True,
                    max_length=300,
                ),
                Field(
                    "addressCab",
                    "text",
                    _l("Room"),
                    _l("Room number or building."),
                    "I16",
                    max_length=200,
                ),
                Field("osnCab", "text", _l("Equipment"), _l("The main equipment."), "I16", True),
            ],
            "I16",
            True,
        ),
        Field(
            "purposePrac",
            "richtext",
            _l("Facilities for practical classes"),
            _l("Workshops, school plot, laboratories."),
            "I16",
            True,
        ),
        Group(
            "purposeLibr",
            _l("Library"),
            _l("The library and reading room."),
            facility_fields(_l("Library")),
            "I16",
            True,
        ),
        Group(
            "purposeSport",
            _l("Sports facilities"),
            _l("Gyms, fields, grounds."),
            facility_fields(_l("Sports facility")),
            "I16",
            True,
        ),
        Field(
            "comNet",
            "richtext",
            _l("Access to information systems and networks"),
            _l("Computers, Internet access for pupils and teachers."),
            "I16",
            True,
        ),
        Field(
            "purposeEios",
            "richtext",
            _l("Electronic learning environment"),
            _l(
                "The school's e-learning environment (electronic diary, learning platform) "
                "and its address. Tick «Not applicable» if the school has none."
            ),
            "I16",
            True,
        ),
        Field(
            "erList",
            "richtext",
            _l("Electronic educational resources"),
            _l("Resources pupils may use, with their addresses."),
            "I16",
            True,
        ),
    ],
    also_shows=("catering.meals", "catering.health"),
)

CATERING = Section(
    "catering",
    _l("Catering and health"),
    _l("Meals and health care of pupils."),
    [
        Group(
            "meals",
            _l("Catering"),
            _l("Canteen or buffet."),
            [
                *facility_fields(_l("Canteen")),
                Field(
                    "objSq",
                    "number",
                    _l("Area, m²"),
                    _l("The floor area of the canteen in square metres."),
                    "I16",
                    True,
                    max_value=100000,
                ),
                Field(
                    "objCnt",
                    "number",
                    _l("Seats"),
                    _l("How many pupils can eat at once."),
                    "I16",
                    True,
                    max_value=10000,
                ),
            ],
            "I16",
            True,
            itemprop="catering",
            list_itemprop="meals",
        ),
        Field(
            "health",
            "richtext",
            _l("Health care"),
            _l("The medical room, the nurse's hours, health measures."),
            "I16",
            True,
        ),
    ],
)

VACANT = Section(
    "vacant",
    _l("Vacant places"),
    _l("Places for admission and transfer."),
    [
        Group(
            "vacant",
            _l("Vacant places"),
            _l("Free places per program and grade."),
            [
                program_name(_l("Program or grade"), _l("E.g. «1st grade»."), "I17"),
                Field(
                    "eduLevel",
                    "choice",
                    _l("Level of education"),
                    _l("The level of the program."),
                    "I17",
                    True,
                    choices=EDUCATION_LEVELS,
                ),
                Field(
                    "eduForm",
                    "choice",
                    _l("Form of study"),
                    _l("How pupils study."),
                    "I17",
                    True,
                    choices=STUDY_FORMS,
                ),
                _places(
                    "numberBFVacant", _l("Places paid by the republican budget"), "vacantBudget"
                ),
                _places("vacantMun", _l("Places paid by the local budget")),
                _places("vacantPaid", _l("Paid places")),
            ],
            "I17",
            True,
        ),
    ],
)

BUDGET = Section(
    "budget",
    _l("Finances"),
    _l("Volume of activity, receipt and spending of funds."),
    [
        Group(
            "volume",
            _l("Receipt and spending of funds"),
            _l("One line per financial year, in soms."),
            [
                Field(
                    "finYear",
                    "number",
                    _l("Year"),
                    _l("The financial year, e.g. 2025."),
                    "I18",
                    True,
                    min_value=1991,
                    max_value=2100,
                    grouped=False,
                ),
                Field(
                    "finPost",
                    "number",
                    _l("Received, soms"),
                    _l("Funds received in the year."),
                    "I18",
                    True,
                    max_value=10**12,
                ),
                Field(
                    "finRas",
                    "number",
                    _l("Spent, soms"),
                    _l("Funds spent in the year."),
                    "I18",
                    True,
                    max_value=10**12,
                ),
                _volume("finBFVolume", _l("Activity paid by the republican budget, soms")),
                _volume("finBMVolume", _l("Activity paid by the local budget, soms")),
                _volume("finPVolume", _l("Activity paid for by pupils' families, soms")),
            ],
            "I18",
            True,
        ),
        Field(
            "finPlanDocLink",
            "document",
            _l("Plan of financial and economic activity"),
            DOC_HELP,
            "I18",
            True,
        ),
    ],
)

DOCUMENT = Section(
    "document",
    _l("Documents"),
    _l("The charter and other founding documents."),
    [
        Field("ustavDocLink", "document", _l("Charter of the school"), DOC_HELP, "I19", True),
    ],
)

GRANTS = Section(
    "grants",
    _l("Grants and support"),
    _l("Scholarships and material support of pupils."),
    [
        Field(
            "grant",
            "richtext",
            _l("Grants and material support"),
            _l("Kinds of support, who may receive them, how to apply."),
            None,
        ),
    ],
    optional=True,
)

PAID_EDU = Section(
    "paid_edu",
    _l("Paid services"),
    _l("Paid educational services, if any."),
    [
        Field(
            "paidEdu",
            "richtext",
            _l("Paid educational services"),
            _l("Which services, their prices and the contract."),
            None,
        ),
    ],
    optional=True,
)

INTER = Section(
    "inter",
    _l("International cooperation"),
    _l("Agreements with foreign organizations."),
    [
        Field(
            "interDog",
            "richtext",
            _l("International agreements"),
            _l("Partner organizations and the subject of each agreement."),
            None,
        ),
    ],
    optional=True,
)
