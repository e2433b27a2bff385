"""The demo notebook's people (invented), part one: Maya's circle when she began.

Family, friends, the schools she taught at, her teacher training, the pilot and the evening
course: the people she knew when she started. Those she met on the way into UX research are
in `pathfinder.demo_people_met`. Days are counted back from the day the demo is built.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPerson:
    key: str
    name: str
    added: int  # days before today
    level: int
    source: str
    organisation: str = ""
    title: str = ""
    relationship: str = "other"
    hiring_power: bool = False
    target_field: bool = False
    cadence_days: int | None = None
    tags: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    location: str = ""
    notes: str = ""
    introduced_by: str = ""  # the key of whoever introduced them, when added that way


KNOWN_BEFORE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "tom",
        "Tom Brennan",
        180,
        1,
        "friend_family",
        "Tessellate Bank",
        "Software engineer",
        cadence_days=30,
        tags=("family",),
        phone="07700 900113",
        location="Leeds",
    ),
    DemoPerson(
        "maureen",
        "Maureen Brennan",
        180,
        1,
        "friend_family",
        cadence_days=91,
        tags=("family", "references"),
        notes="Aunt Maureen. Ran HR at a hospital trust for twenty years, now retired.\n\n"
        "- Brilliant at CVs and mock interviews\n"
        "- Will tell me the truth, kindly",
    ),
    DemoPerson(
        "jess",
        "Jess Lowe",
        180,
        1,
        "friend_family",
        title="Illustrator",
        relationship="peer",
        cadence_days=30,
        tags=("career changer",),
        phone="07700 900254",
        location="York",
        notes="My oldest friend from university. Left law for illustration at thirty-two, so "
        "she knows exactly what the middle of a career change feels like.",
    ),
    DemoPerson(
        "margaret",
        "Margaret Thornton",
        180,
        2,
        "former_coworker",
        title="Retired head of science",
        cadence_days=182,
        tags=("references",),
        notes="Hired me at Brookside and started the Year 8 materials workshops. Happy to be "
        "a referee; give her a week's warning.",
    ),
    DemoPerson(
        "helen",
        "Helen Achterberg",
        179,
        1,
        "current_coworker",
        "Northfield Academy",
        "Head of science",
        tags=("references",),
        email="h.achterberg@example.org",
        notes="Knows about the move and is happy to be a **reference**. Don't make her find "
        "out about an interview from someone else.",
    ),
    DemoPerson(
        "rhys",
        "Rhys Bevan",
        179,
        1,
        "current_coworker",
        "Northfield Academy",
        "Physics teacher",
        relationship="peer",
        notes="Shares the prep room with me. The first colleague I told, before Helen.",
    ),
    DemoPerson(
        "bernie",
        "Bernadette Walsh",
        179,
        1,
        "current_coworker",
        "Northfield Academy",
        "Science technician",
        notes="Bernie. Has kept the science department running for fifteen years and knows "
        "before anyone when something is up.",
    ),
    DemoPerson(
        "priya",
        "Priya Shah",
        178,
        1,
        "former_coworker",
        "Brookside High School",
        "Biology teacher",
        relationship="peer",
        cadence_days=30,
        tags=("career changer", "edtech"),
        email="priya.shah@example.com",
        phone="07700 900482",
        location="Manchester",
        notes="Taught biology next door to me at Brookside for four years.\n\n"
        "## What she told me about switching\n"
        "1. A small portfolio beats a long CV.\n"
        "2. Say *researcher* in the first line, not *teacher*.\n"
        "3. It took her eleven months, and she nearly gave up twice.",
    ),
    DemoPerson(
        "grace",
        "Grace Liu",
        178,
        1,
        "classmate",
        "Brookside High School",
        "Head of chemistry",
        relationship="peer",
        cadence_days=30,
        tags=("references",),
        email="grace.liu@example.org",
        location="Manchester",
        notes="We trained together and she took over my classes when I left Brookside. Her "
        "department uses Openfield's quizzes.",
    ),
    DemoPerson(
        "sam",
        "Sam Whitaker",
        177,
        1,
        "classmate",
        "Foxglove Research",
        "UX designer",
        relationship="peer",
        target_field=True,
        cadence_days=30,
        tags=("UX research",),
        location="Bristol",
    ),
    DemoPerson(
        "aisha",
        "Aisha Rahman",
        176,
        2,
        "former_coworker",
        "Brookside High School",
        "Physics teacher",
        target_field=True,
        cadence_days=91,
        tags=("edtech",),
        email="aisha.rahman@example.net",
    ),
    DemoPerson(
        "andrew",
        "Andrew Fairclough",
        176,
        2,
        "current_coworker",
        "Northfield Academy",
        "Headteacher",
        hiring_power=True,
        notes="Not yet. Ask Helen how much notice he expects before saying anything.",
    ),
    DemoPerson(
        "dev",
        "Dev Malhotra",
        175,
        2,
        "former_coworker",
        "Brookside High School",
        "Head of Year 9",
        hiring_power=True,
        cadence_days=182,
    ),
    DemoPerson(
        "hamza",
        "Hamza Qureshi",
        175,
        2,
        "former_coworker",
        "Brookside High School",
        "Chemistry teacher",
        relationship="peer",
        cadence_days=91,
        notes="I mentored him in his training year. Wondering about a change himself.",
    ),
    DemoPerson(
        "marcus",
        "Marcus Feld",
        174,
        2,
        "current_coworker",
        "Northfield Academy",
        "IT lead",
        tags=("pilot",),
    ),
    DemoPerson(
        "claire",
        "Claire Dubois",
        172,
        2,
        "collaborator",
        "Sparkwell Learning",
        "Customer success manager",
        target_field=True,
        cadence_days=91,
        tags=("pilot", "edtech"),
        email="claire.dubois@example.com",
    ),
    DemoPerson(
        "andres",
        "Andrés Villalba",
        172,
        2,
        "collaborator",
        "Sparkwell Learning",
        "Data analyst",
        target_field=True,
        cadence_days=91,
        tags=("pilot", "edtech"),
        email="andres.villalba@example.com",
        notes="Built the pilot's usage dashboard. Patient with questions about numbers.",
    ),
    DemoPerson(
        "jonah",
        "Jonah Price",
        170,
        2,
        "classmate",
        "Brookside High School",
        "Chemistry teacher",
        relationship="peer",
        cadence_days=91,
    ),
    DemoPerson(
        "anna",
        "Anna Fischer",
        169,
        2,
        "collaborator",
        "Westmoor Science Centre",
        "Learning and engagement manager",
        cadence_days=91,
        notes="We ran the Year 8 materials workshops together in 2019.",
    ),
    DemoPerson(
        "ruth",
        "Ruth Adeyemi",
        165,
        2,
        "professor",
        "Harbour City University",
        "Senior lecturer in education",
        relationship="mentor",
        cadence_days=30,
        tags=("mentor",),
        email="r.adeyemi@example.ac.uk",
        notes="My tutor on the teacher-training year, now an informal **mentor**.\n\n"
        "- We meet for coffee near campus about once a month\n"
        "- She suggested reading about *diary studies* and *contextual inquiry*\n"
        "- Ask about the learning sciences reading group",
    ),
    DemoPerson(
        "ben",
        "Ben Harker",
        160,
        2,
        "friend_family",
        "Marrow Health Digital",
        "Product manager",
        location="Leeds",
    ),
    DemoPerson(
        "imogen",
        "Imogen Hale",
        150,
        2,
        "current_coworker",
        "Northfield Academy",
        "School librarian",
    ),
    DemoPerson(
        "callum",
        "Callum Docherty",
        150,
        2,
        "other",
        "Sparkwell Learning",
        "Junior developer",
        target_field=True,
        tags=("edtech",),
        notes="In my very first Year 13 class. Recognised my name on the pilot's feedback "
        "form, and now he builds the platform I used to teach with.",
    ),
    DemoPerson(
        "lena",
        "Lena Kowalski",
        145,
        2,
        "classmate",
        "Westmoor Science Centre",
        "Visitor experience lead",
        relationship="peer",
        target_field=True,
        cadence_days=14,
        tags=("career changer", "study buddy", "UX research"),
        phone="07700 900731",
        notes="On the evening UX research course with me. We practise interviews on each "
        "other on Sunday evenings.",
    ),
    DemoPerson(
        "deborah",
        "Deborah Fenwick",
        145,
        2,
        "professor",
        "Foxglove Research",
        "Principal researcher",
        cadence_days=91,
        tags=("UX research",),
        notes="Teaches the evening course in UX research. Marks interview guides in green "
        "pen, which every teacher on the course finds very reassuring.",
    ),
    DemoPerson(
        "joanna",
        "Joanna Pike",
        140,
        2,
        "classmate",
        "Tessellate Bank",
        "Finance analyst",
        relationship="peer",
        cadence_days=14,
        tags=("career changer", "study buddy"),
        notes="On the course with Lena and me; moving from finance into research. Joins our "
        "Sunday practice interviews.",
    ),
    DemoPerson(
        "precious",
        "Precious Ndlovu",
        60,
        2,
        "current_coworker",
        "Northfield Academy",
        "Trainee chemistry teacher",
        notes="The trainee I'm mentoring this year. Asks better questions than I did.",
    ),
)
