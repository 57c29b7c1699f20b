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
    slug="common",
    title=_l("Basic information"),
    intro=_l("Name, founding, address, hours and contacts."),
    members=[
        Field(
            name="fullName",
            kind="text",
            label=_l("Full name of the school"),
            help=_l(
                "The official name, as in the charter. It is the name shown in the site header."
            ),
            required=True,
            max_length=300,
            source="school.name",
        ),
        Field(
            name="shortName",
            kind="text",
            label=_l("Short name"),
            help=_l("The name in everyday use, e.g. «School №35»."),
            max_length=150,
        ),
        Field(
            name="regDate",
            kind="date",
            label=_l("Founding date"),
            help=_l("The date the school was founded, as in the founding documents."),
            item="I1",
            required=True,
            past_only=True,
        ),
        Field(
            name="address",
            kind="text",
            label=_l("Address"),
            help=_l("Postal address of the main building."),
            item="I2",
            required=True,
        ),
        Field(
            name="addressPlaceSet",
            kind="text",
            label=_l("Places of educational activity"),
            help=_l("Addresses of every building where lessons take place."),
            item="I2",
        ),
        Field(
            name="workTime",
            kind="text",
            label=_l("Working hours"),
            help=_l("Days and hours, e.g. «Mon–Sat 8:00–18:00»."),
            item="I2",
            required=True,
        ),
        Field(
            name="telephone",
            kind="phone",
            label=_l("Phone"),
            help=PHONE_HELP,
            item="I2",
            required=True,
        ),
        Field(
            name="email",
            kind="email",
            label=_l("E-mail"),
            help=_l("The school's public address; it is also shown in the footer of every page."),
            item="I2",
            required=True,
            source="school.contact_email",
        ),
        Field(
            name="licenseDocLink",
            kind="document",
            label=_l("License for educational activity"),
            help=DOC_HELP,
            item="I19",
            required=True,
        ),
        Field(
            name="accreditationDocLink",
            kind="document",
            label=_l("State accreditation certificate"),
            help=DOC_HELP,
            item="I19",
            required=True,
        ),
    ],
)

STRUCT = Section(
    slug="struct",
    title=_l("Structure and governing bodies"),
    intro=_l("Branches, units and governing bodies."),
    members=[
        Group(
            name="filInfo",
            label=_l("Branches"),
            help=_l("Every branch of the school with its address."),
            fields=[
                program_name(
                    _l("Name of the branch"), _l("As in the charter."), "I2", name="nameFil"
                ),
                Field(
                    name="addressFil",
                    kind="text",
                    label=_l("Address of the branch"),
                    help=_l("Postal address."),
                    item="I2",
                    required=True,
                ),
            ],
            item="I2",
            required=True,
        ),
        Group(
            name="structOrgUprav",
            label=_l("Structural units and governing bodies"),
            help=_l("Pedagogical council, school council, parents' committee, methodical units."),
            fields=[
                Field(
                    name="name",
                    kind="text",
                    label=_l("Name"),
                    help=_l("E.g. «Pedagogical council»."),
                    item="I3",
                    required=True,
                    max_length=300,
                ),
                Field(
                    name="fio",
                    kind="text",
                    label=_l("Head of the unit"),
                    help=_l("Surname, first name, patronymic."),
                    item="I3",
                    max_length=200,
                ),
                Field(
                    name="post",
                    kind="text",
                    label=_l("Position of the head"),
                    help=_l("E.g. «deputy head»."),
                    item="I3",
                    max_length=200,
                ),
                Field(
                    name="addressStr",
                    kind="text",
                    label=_l("Location"),
                    help=_l("Address or room."),
                    item="I3",
                ),
                Field(
                    name="email",
                    kind="email",
                    label=_l("E-mail"),
                    help=_l("Leave empty if the unit has none."),
                    item="I3",
                ),
                Field(
                    name="site",
                    kind="url",
                    label=_l("Web site"),
                    help=_l("A full address starting with https://."),
                    item="I3",
                ),
            ],
            item="I3",
            required=True,
        ),
        Field(
            name="divisionClauseDocLink",
            kind="document",
            label=_l("Regulations of the structural units"),
            help=DOC_HELP,
            item="I3",
        ),
    ],
)

EDUCATION = Section(
    slug="education",
    title=_l("Education"),
    intro=_l("Programs, levels, forms, plans and numbers of students."),
    members=[
        Group(
            name="eduAccred",
            label=_l("Levels, forms and periods of study"),
            help=_l("One line per level of education offered."),
            fields=[
                program_name(_l("Program"), _l("E.g. «Basic general education»."), "I4"),
                Field(
                    name="eduLevel",
                    kind="choice",
                    label=_l("Level of education"),
                    help=_l("The level of the program."),
                    item="I4",
                    required=True,
                    choices=EDUCATION_LEVELS,
                ),
                Field(
                    name="eduForm",
                    kind="choice",
                    label=_l("Form of study"),
                    help=_l("How pupils study."),
                    item="I5",
                    required=True,
                    choices=STUDY_FORMS,
                ),
                Field(
                    name="learningTerm",
                    kind="text",
                    label=_l("Normative period of study"),
                    help=_l("E.g. «5 years»."),
                    item="I5",
                    required=True,
                    max_length=100,
                ),
                Field(
                    name="dateEnd",
                    kind="date",
                    label=_l("State accreditation valid until"),
                    help=_l("The date in the accreditation certificate."),
                    item="I6",
                    required=True,
                ),
            ],
            item="I4–I6",
            required=True,
        ),
        Group(
            name="eduOp",
            label=_l("Educational programs"),
            help=_l("Each program with its subjects."),
            fields=[
                program_name(_l("Program"), _l("E.g. «Preschool program»."), "I7"),
                Field(
                    name="opDescription",
                    kind="richtext",
                    label=_l("Description and subjects"),
                    help=_l("What the program covers: subjects, topics, disciplines."),
                    item="I7",
                    required=True,
                    itemprop="eduPred",
                ),
                Field(
                    name="eduLang",
                    kind="text",
                    label=_l("Languages of instruction"),
                    help=_l("The languages the program is taught in, e.g. «Kyrgyz, Russian»."),
                    item="I12",
                    required=True,
                    itemprop="eduLang languageEl",
                    max_length=200,
                ),
            ],
            item="I7, I12",
            required=True,
        ),
        Field(
            name="opMain",
            kind="document",
            label=_l("Copies of the educational programs"),
            help=DOC_HELP,
            item="I7",
            required=True,
        ),
        Field(
            name="educationAnnotation",
            kind="document",
            label=_l("Summaries of the work programs"),
            help=_l("Where the school has them: upload them in Documents and attach them here."),
            item="I7",
        ),
        Field(
            name="educationPlan",
            kind="document",
            label=_l("Curriculum"),
            help=DOC_HELP,
            item="I8",
            required=True,
        ),
        Field(
            name="educationShedule",
            kind="document",
            label=_l("Calendar study schedule"),
            help=DOC_HELP,
            item="I9",
            required=True,
        ),
        Field(
            name="methodology",
            kind="document",
            label=_l("Methodical documents"),
            help=DOC_HELP,
            item="I10",
            required=True,
        ),
        Group(
            name="eduChislenEl",
            label=_l("Number of students"),
            help=_l("Students per program, this school year."),
            fields=[
                program_name(_l("Program"), _l("As in the list of programs."), "I11"),
                Field(
                    name="numberAll",
                    kind="number",
                    label=_l("Number of students"),
                    help=_l("A whole number."),
                    item="I11",
                    required=True,
                    max_value=20000,
                ),
            ],
            item="I11",
            required=True,
            itemprop="eduChislen eduChislenEl",
        ),
        Field(
            name="eduPriemEl",
            kind="richtext",
            label=_l("Admission"),
            help=_l("How and when pupils are admitted to each program."),
            item="I17",
            required=True,
            itemprop="eduPriem eduPriemEl",
        ),
    ],
)

EDU_STANDARDS = Section(
    slug="eduStandarts",
    title=_l("Educational standards"),
    intro=_l("The state standards the school follows."),
    members=[
        Field(
            name="eduFedDoc",
            kind="document",
            label=_l("State educational standards"),
            help=DOC_HELP,
            item="I13",
            required=True,
        ),
        Field(
            name="eduStandartDoc",
            kind="url",
            label=_l("Link to the standards"),
            help=_l("The address of the standards on the Ministry's site."),
            item="I13",
        ),
    ],
)
