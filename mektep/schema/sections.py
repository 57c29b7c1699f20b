"""The declaration of the mandated section /sveden/: every subsection, in order,
with the fields and records that serve each item of the regulation (I1–I19).

The itemprop names follow regulation/requirements.md; `dateEnd`, `numberAll`,
`numberPlaces`, `opDescription` and `publications` are ours (docs/api.md).
"""

from flask_babel import lazy_gettext as _l

from mektep.schema.choices import EDUCATION_LEVELS, STUDY_FORMS
from mektep.schema.fields import Field, Group, Section, StaffList
from mektep.schema.staff import CONTACT_FIELDS, TEACHING_FIELDS

_PHONE_HELP = _l("A Kyrgyz number in any usual writing, e.g. 0312 54 12 34 or +996 555 12 34 56.")
_DOC_HELP = _l("Upload the scanned copy in Documents and attach it to this item.")


def _name(label, help_text, item=None, required=True, name="eduName"):
    return Field(name, "text", label, help_text, item, required, max_length=300)


def _object(label):
    return [
        Field(
            "objName",
            "text",
            label,
            _l("What it is, e.g. «Gym, 288 m²»."),
            "I16",
            True,
            max_length=300,
        ),
        Field(
            "objAddress",
            "text",
            _l("Address"),
            _l("Where it is, if not in the main building."),
            "I16",
            max_length=300,
        ),
    ]


COMMON = Section(
    "common",
    _l("Basic information"),
    _l("Name, founding, address, hours and contacts."),
    [
        Field(
            "fullName",
            "text",
            _l("Full name of the school"),
            _l("The official name, as in the charter. It is the name shown in the site header."),
            None,
            True,
            max_length=300,
            source="school.name",
        ),
        Field(
            "shortName",
            "text",
            _l("Short name"),
            _l("The name in everyday use, e.g. «School №35»."),
            max_length=150,
        ),
        Field(
            "regDate",
            "date",
            _l("Founding date"),
            _l("The date the school was founded, as in the founding documents."),
            "I1",
            True,
            past_only=True,
        ),
        Field(
            "address", "text", _l("Address"), _l("Postal address of the main building."), "I2", True
        ),
        Field(
            "addressPlaceSet",
            "text",
            _l("Places of educational activity"),
            _l("Addresses of every building where lessons take place."),
            "I2",
        ),
        Field(
            "workTime",
            "text",
            _l("Working hours"),
            _l("Days and hours, e.g. «Mon–Sat 8:00–18:00»."),
            "I2",
            True,
        ),
        Field("telephone", "phone", _l("Phone"), _PHONE_HELP, "I2", True),
        Field(
            "email",
            "email",
            _l("E-mail"),
            _l("The school's public address; it is also shown in the footer of every page."),
            "I2",
            True,
            source="school.contact_email",
        ),
        Field(
            "licenseDocLink",
            "document",
            _l("License for educational activity"),
            _DOC_HELP,
            "I19",
            True,
        ),
        Field(
            "accreditationDocLink",
            "document",
            _l("State accreditation certificate"),
            _DOC_HELP,
            "I19",
            True,
        ),
    ],
)

STRUCT = Section(
    "struct",
    _l("Structure and governing bodies"),
    _l("Branches, units and governing bodies."),
    [
        Group(
            "filInfo",
            _l("Branches"),
            _l("Every branch of the school with its address."),
            [
                _name(_l("Name of the branch"), _l("As in the charter."), "I2", name="nameFil"),
                Field(
                    "addressFil",
                    "text",
                    _l("Address of the branch"),
                    _l("Postal address."),
                    "I2",
                    True,
                ),
            ],
            "I2",
            True,
        ),
        Group(
            "structOrgUprav",
            _l("Structural units and governing bodies"),
            _l("Pedagogical council, school council, parents' committee, methodical units."),
            [
                Field(
                    "name",
                    "text",
                    _l("Name"),
                    _l("E.g. «Pedagogical council»."),
                    "I3",
                    True,
                    max_length=300,
                ),
                Field(
                    "fio",
                    "text",
                    _l("Head of the unit"),
                    _l("Surname, first name, patronymic."),
                    "I3",
                    max_length=200,
                ),
                Field(
                    "post",
                    "text",
                    _l("Position of the head"),
                    _l("E.g. «deputy head»."),
                    "I3",
                    max_length=200,
                ),
                Field("addressStr", "text", _l("Location"), _l("Address or room."), "I3"),
                Field(
                    "email", "email", _l("E-mail"), _l("Leave empty if the unit has none."), "I3"
                ),
                Field(
                    "site",
                    "url",
                    _l("Web site"),
                    _l("A full address starting with https://."),
                    "I3",
                ),
            ],
            "I3",
            True,
        ),
        Field(
            "divisionClauseDocLink",
            "document",
            _l("Regulations of the structural units"),
            _DOC_HELP,
            "I3",
        ),
    ],
)

EDUCATION = Section(
    "education",
    _l("Education"),
    _l("Programs, levels, forms, plans and numbers of students."),
    [
        Group(
            "eduAccred",
            _l("Levels, forms and periods of study"),
            _l("One line per level of education offered."),
            [
                _name(_l("Program"), _l("E.g. «Basic general education»."), "I4"),
                Field(
                    "eduLevel",
                    "choice",
                    _l("Level of education"),
                    _l("The level of the program."),
                    "I4",
                    True,
                    choices=EDUCATION_LEVELS,
                ),
                Field(
                    "eduForm",
                    "choice",
                    _l("Form of study"),
                    _l("How pupils study."),
                    "I5",
                    True,
                    choices=STUDY_FORMS,
                ),
                Field(
                    "learningTerm",
                    "text",
                    _l("Normative period of study"),
                    _l("E.g. «5 years»."),
                    "I5",
                    True,
                    max_length=100,
                ),
                Field(
                    "dateEnd",
                    "date",
                    _l("State accreditation valid until"),
                    _l("The date in the accreditation certificate."),
                    "I6",
                    True,
                ),
            ],
            "I4",
            True,
        ),
        Group(
            "eduOp",
            _l("Educational programs"),
            _l("Each program with its subjects."),
            [
                _name(_l("Program"), _l("E.g. «Preschool program»."), "I7"),
                Field(
                    "opDescription",
                    "richtext",
                    _l("Description and subjects"),
                    _l("What the program covers: subjects, topics, disciplines."),
                    "I7",
                    True,
                ),
            ],
            "I7",
            True,
        ),
        Field(
            "opMain", "document", _l("Copies of the educational programs"), _DOC_HELP, "I7", True
        ),
        Field("educationPlan", "document", _l("Curriculum"), _DOC_HELP, "I8", True),
        Field("educationShedule", "document", _l("Calendar study schedule"), _DOC_HELP, "I9", True),
        Field("methodology", "document", _l("Methodical documents"), _DOC_HELP, "I10", True),
        Group(
            "eduChislenEl",
            _l("Number of students"),
            _l("Students per program, this school year."),
            [
                _name(_l("Program"), _l("As in the list of programs."), "I11"),
                Field(
                    "numberAll",
                    "number",
                    _l("Number of students"),
                    _l("A whole number."),
                    "I11",
                    True,
                    max_value=20000,
                ),
            ],
            "I11",
            True,
        ),
        Field(
            "languageEl",
            "text",
            _l("Languages of instruction"),
            _l("E.g. «Kyrgyz, Russian»."),
            "I12",
            True,
            max_length=200,
        ),
        Field(
            "eduPriemEl",
            "richtext",
            _l("Admission"),
            _l("How and when pupils are admitted to each program."),
            "I17",
            True,
        ),
    ],
)

EDU_STANDARDS = Section(
    "eduStandarts",
    _l("Educational standards"),
    _l("The state standards the school follows."),
    [
        Field("eduFedDoc", "document", _l("State educational standards"), _DOC_HELP, "I13", True),
        Field(
            "eduStandartDoc",
            "url",
            _l("Link to the standards"),
            _l("The address of the standards on the Ministry's site."),
            "I13",
        ),
    ],
)

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
            _object(_l("Library")),
            "I16",
            True,
        ),
        Group(
            "purposeSport",
            _l("Sports facilities"),
            _l("Gyms, fields, grounds."),
            _object(_l("Sports facility")),
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
            "erList",
            "richtext",
            _l("Electronic educational resources"),
            _l("Resources pupils may use, with their addresses."),
            "I16",
            True,
        ),
    ],
)

CATERING = Section(
    "catering",
    _l("Catering and health"),
    _l("Meals and health care of pupils."),
    [
        Group(
            "meals", _l("Catering"), _l("Canteen or buffet."), _object(_l("Canteen")), "I16", True
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
                _name(_l("Program or grade"), _l("E.g. «1st grade»."), "I17"),
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
                    "numberBFVacant",
                    "number",
                    _l("Number of vacant places"),
                    _l("A whole number."),
                    "I17",
                    True,
                    max_value=5000,
                ),
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
            ],
            "I18",
            True,
        ),
        Field(
            "finPlanDocLink",
            "document",
            _l("Plan of financial and economic activity"),
            _DOC_HELP,
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
        Field("ustavDocLink", "document", _l("Charter of the school"), _DOC_HELP, "I19", True),
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

SECTIONS = [
    COMMON,
    STRUCT,
    DOCUMENT,
    EDUCATION,
    EDU_STANDARDS,
    MANAGERS,
    EMPLOYEES,
    OBJECTS,
    VACANT,
    BUDGET,
    CATERING,
    GRANTS,
    PAID_EDU,
    INTER,
]
