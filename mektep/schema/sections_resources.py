"""Sections about people and resources: management and teaching staff (I14,
I15), facilities and catering (I16), vacant places (I17), finances (I18), the
charter (I19) and the optional sections.

Itemprops follow the current edition of requirements.md's table: the vacant
places and finance volumes of each source of funds, the canteens as `catering`
records inside `meals`, shown on the facilities page as well."""

from flask_babel import lazy_gettext as _l

from mektep.schema.choices import EDUCATION_LEVELS, STUDY_FORMS
from mektep.schema.fields import Field, Group, Section
from mektep.schema.pieces import DOC_HELP, facility_fields, program_name
from mektep.schema.staff import CONTACT_FIELDS, TEACHING_FIELDS, StaffList


def _places(name, label, current=None):
    """A number of vacant places of one kind; `current` is the current itemprop
    of a field that keeps an older name for its stored values."""
    itemprop = f"{current} {name}" if current else None
    help_text = _l("A whole number; 0 if there are none.")
    return Field(
        name=name,
        kind="number",
        label=label,
        help=help_text,
        item="I17",
        required=True,
        itemprop=itemprop,
        max_value=5000,
    )


def _volume(name, label):
    """The volume of educational activity of one source of funds, in a year."""
    help_text = _l("The volume of educational activity in the year; 0 if none.")
    return Field(
        name=name,
        kind="number",
        label=label,
        help=help_text,
        item="I18",
        required=True,
        max_value=10**12,
    )


MANAGERS = Section(
    slug="managers",
    title=_l("Management"),
    intro=_l("The head of the school and the deputies."),
    members=[
        StaffList(
            name="rucovodstvo",
            label=_l("Head of the school"),
            help=_l("Mark one staff record as the head."),
            roles=("head",),
            field_names=CONTACT_FIELDS,
            item="I14",
            must_have=("telephone", "email"),
        ),
        StaffList(
            name="rucovodstvoZam",
            label=_l("Deputy heads"),
            help=_l("Staff records marked as deputies."),
            roles=("deputy",),
            field_names=CONTACT_FIELDS,
            item="I14",
            required=False,
        ),
    ],
)

EMPLOYEES = Section(
    slug="employees",
    title=_l("Teaching staff"),
    intro=_l("Every teacher with education, qualification and experience."),
    members=[
        StaffList(
            name="teachingStaff",
            label=_l("Teaching staff"),
            help=_l("Staff records of teachers."),
            roles=("teacher", "deputy", "head"),
            field_names=TEACHING_FIELDS,
            item="I15",
        ),
    ],
)

OBJECTS = Section(
    slug="objects",
    title=_l("Facilities and equipment"),
    intro=_l("Classrooms, library, sports, networks."),
    members=[
        Group(
            name="purposeCab",
            label=_l("Equipped classrooms"),
            help=_l("Each classroom with its equipment."),
            fields=[
                Field(
                    name="nameCab",
                    kind="text",
                    label=_l("Classroom"),
                    help=_l("E.g. «Chemistry laboratory»."),
                    item="I16",
                    required=True,
                    max_length=300,
                ),
                Field(
                    name="addressCab",
                    kind="text",
                    label=_l("Room"),
                    help=_l("Room number or building."),
                    item="I16",
                    max_length=200,
                ),
                Field(
                    name="osnCab",
                    kind="text",
                    label=_l("Equipment"),
                    help=_l("The main equipment."),
                    item="I16",
                    required=True,
                ),
            ],
            item="I16",
            required=True,
        ),
        Field(
            name="purposePrac",
            kind="richtext",
            label=_l("Facilities for practical classes"),
            help=_l("Workshops, school plot, laboratories."),
            item="I16",
            required=True,
        ),
        Group(
            name="purposeLibr",
            label=_l("Library"),
            help=_l("The library and reading room."),
            fields=facility_fields(_l("Library")),
            item="I16",
            required=True,
        ),
        Group(
            name="purposeSport",
            label=_l("Sports facilities"),
            help=_l("Gyms, fields, grounds."),
            fields=facility_fields(_l("Sports facility")),
            item="I16",
            required=True,
        ),
        Field(
            name="comNet",
            kind="richtext",
            label=_l("Access to information systems and networks"),
            help=_l("Computers, Internet access for pupils and teachers."),
            item="I16",
            required=True,
        ),
        Field(
            name="purposeEios",
            kind="richtext",
            label=_l("Electronic learning environment"),
            help=_l(
                "The school's e-learning environment (electronic diary, learning platform) "
                "and its address. Tick «Not applicable» if the school has none."
            ),
            item="I16",
            required=True,
        ),
        Field(
            name="erList",
            kind="richtext",
            label=_l("Electronic educational resources"),
            help=_l("Resources pupils may use, with their addresses."),
            item="I16",
            required=True,
        ),
    ],
    also_shows=("catering.meals", "catering.health"),
)

CATERING = Section(
    slug="catering",
    title=_l("Catering and health"),
    intro=_l("Meals and health care of pupils."),
    members=[
        Group(
            name="meals",
            label=_l("Catering"),
            help=_l("Canteen or buffet."),
            fields=[
                *facility_fields(_l("Canteen")),
                Field(
                    name="objSq",
                    kind="number",
                    label=_l("Area, m²"),
                    help=_l("The floor area of the canteen in square metres."),
                    item="I16",
                    required=True,
                    max_value=100000,
                ),
                Field(
                    name="objCnt",
                    kind="number",
                    label=_l("Seats"),
                    help=_l("How many pupils can eat at once."),
                    item="I16",
                    required=True,
                    max_value=10000,
                ),
            ],
            item="I16",
            required=True,
            itemprop="catering",
            list_itemprop="meals",
        ),
        Field(
            name="health",
            kind="richtext",
            label=_l("Health care"),
            help=_l("The medical room, the nurse's hours, health measures."),
            item="I16",
            required=True,
        ),
    ],
)

VACANT = Section(
    slug="vacant",
    title=_l("Vacant places"),
    intro=_l("Places for admission and transfer."),
    members=[
        Group(
            name="vacant",
            label=_l("Vacant places"),
            help=_l("Free places per program and grade."),
            fields=[
                program_name(_l("Program or grade"), _l("E.g. «1st grade»."), "I17"),
                Field(
                    name="eduLevel",
                    kind="choice",
                    label=_l("Level of education"),
                    help=_l("The level of the program."),
                    item="I17",
                    required=True,
                    choices=EDUCATION_LEVELS,
                ),
                Field(
                    name="eduForm",
                    kind="choice",
                    label=_l("Form of study"),
                    help=_l("How pupils study."),
                    item="I17",
                    required=True,
                    choices=STUDY_FORMS,
                ),
                _places(
                    "numberBFVacant", _l("Places paid by the republican budget"), "vacantBudget"
                ),
                _places("vacantMun", _l("Places paid by the local budget")),
                _places("vacantPaid", _l("Paid places")),
            ],
            item="I17",
            required=True,
        ),
    ],
)

BUDGET = Section(
    slug="budget",
    title=_l("Finances"),
    intro=_l("Volume of activity, receipt and spending of funds."),
    members=[
        Group(
            name="volume",
            label=_l("Receipt and spending of funds"),
            help=_l("One line per financial year, in soms."),
            fields=[
                Field(
                    name="finYear",
                    kind="number",
                    label=_l("Year"),
                    help=_l("The financial year, e.g. 2025."),
                    item="I18",
                    required=True,
                    min_value=1991,
                    max_value=2100,
                    grouped=False,
                ),
                Field(
                    name="finPost",
                    kind="number",
                    label=_l("Received, soms"),
                    help=_l("Funds received in the year."),
                    item="I18",
                    required=True,
                    max_value=10**12,
                ),
                Field(
                    name="finRas",
                    kind="number",
                    label=_l("Spent, soms"),
                    help=_l("Funds spent in the year."),
                    item="I18",
                    required=True,
                    max_value=10**12,
                ),
                _volume("finBFVolume", _l("Activity paid by the republican budget, soms")),
                _volume("finBMVolume", _l("Activity paid by the local budget, soms")),
                _volume("finPVolume", _l("Activity paid for by pupils' families, soms")),
            ],
            item="I18",
            required=True,
        ),
        Field(
            name="finPlanDocLink",
            kind="document",
            label=_l("Plan of financial and economic activity"),
            help=DOC_HELP,
            item="I18",
            required=True,
        ),
    ],
)

DOCUMENT = Section(
    slug="document",
    title=_l("Documents"),
    intro=_l("The charter and other founding documents."),
    members=[
        Field(
            name="ustavDocLink",
            kind="document",
            label=_l("Charter of the school"),
            help=DOC_HELP,
            item="I19",
            required=True,
        ),
    ],
)

GRANTS = Section(
    slug="grants",
    title=_l("Grants and support"),
    intro=_l("Scholarships and material support of pupils."),
    members=[
        Field(
            name="grant",
            kind="richtext",
            label=_l("Grants and material support"),
            help=_l("Kinds of support, who may receive them, how to apply."),
        ),
    ],
    optional=True,
)

PAID_EDU = Section(
    slug="paid_edu",
    title=_l("Paid services"),
    intro=_l("Paid educational services, if any."),
    members=[
        Field(
            name="paidEdu",
            kind="richtext",
            label=_l("Paid educational services"),
            help=_l("Which services, their prices and the contract."),
        ),
    ],
    optional=True,
)

INTER = Section(
    slug="inter",
    title=_l("International cooperation"),
    intro=_l("Agreements with foreign organizations."),
    members=[
        Field(
            name="interDog",
            kind="richtext",
            label=_l("International agreements"),
            help=_l("Partner organizations and the subject of each agreement."),
        ),
    ],
    optional=True,
)
