"""Sections about the school as an organization: basic information, structure,
education and standards (I1–I13, I17 admission, I19 license and accreditation).

Itemprops follow the current edition of requirements.md's table; where it names
an older one, both are given (`eduChislen eduChislenEl`). The languages of
instruction are stated per program (`eduLang`); migration 0900 moved the former
school-wide value (`languageEl`) into each program."""

from flask_babel import lazy_gettext as _l

from mektep.schema.choices import EDUCATION_LEVELS, STUDY_FORMS
from mektep.schema.fields import Field, Group, Section
from mektep.schema.pieces import DOC_HELP, PHONE_HELP, program_name

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
        Field("telephone", "phone", _l("Phone"), PHONE_HELP, "I2", True),
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
            DOC_HELP,
            "I19",
            True,
        ),
        Field(
            "accreditationDocLink",
            "document",
            _l("State accreditation certificate"),
            DOC_HELP,
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
                program_name(
                    _l("Name of the branch"), _l("As in the charter."), "I2", name="nameFil"
                ),
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
            DOC_HELP,
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
                program_name(_l("Program"), _l("E.g. «Basic general education»."), "I4"),
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
            "I4–I6",
            True,
        ),
        Group(
            "eduOp",
            _l("Educational programs"),
            _l("Each program with its subjects."),
            [
                program_name(_l("Program"), _l("E.g. «Preschool program»."), "I7"),
                Field(
                    "opDescription",
                    "richtext",
                    _l("Description and subjects"),
                    _l("What the program covers: subjects, topics, disciplines."),
                    "I7",
                    True,
                    itemprop="eduPred",
                ),
                Field(
                    "eduLang",
                    "text",
                    _l("Languages of instruction"),
                    _l("The languages the program is taught in, e.g. «Kyrgyz, Russian»."),
                    "I12",
                    True,
                    itemprop="eduLang languageEl",
                    max_length=200,
                ),
            ],
            "I7, I12",
            True,
        ),
        Field("opMain", "document", _l("Copies of the educational programs"), DOC_HELP, "I7", True),
        Field(
            "educationAnnotation",
            "document",
            _l("Summaries of the work programs"),
            _l("Where the school has them: upload them in Documents and attach them here."),
            "I7",
        ),
        Field("educationPlan", "document", _l("Curriculum"), DOC_HELP, "I8", True),
        Field("educationShedule", "document", _l("Calendar study schedule"), DOC_HELP, "I9", True),
        Field("methodology", "document", _l("Methodical documents"), DOC_HELP, "I10", True),
        Group(
            "eduChislenEl",
            _l("Number of students"),
            _l("Students per program, this school year."),
            [
                program_name(_l("Program"), _l("As in the list of programs."), "I11"),
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
            itemprop="eduChislen eduChislenEl",
        ),
        Field(
            "eduPriemEl",
            "richtext",
            _l("Admission"),
            _l("How and when pupils are admitted to each program."),
            "I17",
            True,
            itemprop="eduPriem eduPriemEl",
        ),
    ],
)

EDU_STANDARDS = Section(
    "eduStandarts",
    _l("Educational standards"),
    _l("The state standards the school follows."),
    [
        Field("eduFedDoc", "document", _l("State educational standards"), DOC_HELP, "I13", True),
        Field(
            "eduStandartDoc",
            "url",
            _l("Link to the standards"),
            _l("The address of the standards on the Ministry's site."),
            "I13",
        ),
    ],
)
