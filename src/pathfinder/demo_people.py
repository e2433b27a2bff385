"""The demo notebook's people (invented), used by `pathfinder.demo`."""

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


PEOPLE: tuple[DemoPerson, ...] = (
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
        "harriet",
        "Harriet Cole",
        130,
        3,
        "event",
        "Openfield Assessment",
        "Head of product",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("edtech",),
        notes="Gave the talk on assessment design at Learning Futures. Aisha knows her well.\n\n"
        "**Before we talk:** read Openfield's blog post on teacher feedback loops.",
    ),
    DemoPerson(
        "beatrice",
        "Beatrice Lam",
        130,
        3,
        "event",
        "Foxglove Research",
        "Senior UX researcher",
        target_field=True,
        tags=("UX research",),
    ),
    DemoPerson(
        "segun",
        "Segun Bello",
        129,
        2,
        "association",
        "Sparkwell Learning",
        "Research operations manager",
        hiring_power=True,
        target_field=True,
        tags=("UX research", "edtech"),
        notes="Met through the Education Research Network. Runs research operations at "
        "Sparkwell: recruiting participants, consent, the research library.",
    ),
    DemoPerson(
        "oliver",
        "Oliver Grant",
        125,
        3,
        "introduction",
        "Tessellate Bank",
        "Learning designer",
        introduced_by="tom",
    ),
    DemoPerson(
        "nadia",
        "Nadia Petrov",
        100,
        2,
        "online",
        "Pebble & Slate",
        "UX researcher",
        relationship="peer",
        target_field=True,
        cadence_days=30,
        tags=("UX research", "edtech"),
        email="nadia.petrov@example.com",
        notes="Found her through a forum thread on research with young children.\n\n"
        "> Half my week is talking to people, half is making sense of it.\n\n"
        "Generous with her templates; send her something useful back.",
    ),
    DemoPerson(
        "sofia",
        "Sofia Marquez",
        90,
        3,
        "online",
        "Marrow Health Digital",
        "UX researcher",
        relationship="peer",
        target_field=True,
        tags=("career changer",),
    ),
    DemoPerson(
        "tomasz",
        "Tomasz Nowak",
        75,
        3,
        "event",
        "Sparkwell Learning",
        "UX researcher",
        target_field=True,
        tags=("meetup", "UX research"),
    ),
    DemoPerson(
        "charlotte",
        "Charlotte Byrne",
        75,
        3,
        "event",
        "Pebble & Slate",
        "UX designer",
        relationship="peer",
        target_field=True,
        cadence_days=91,
        tags=("meetup", "career changer"),
    ),
    DemoPerson(
        "elliot",
        "Elliot Osei",
        59,
        3,
        "introduction",
        "Pebble & Slate",
        "UX research lead",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("UX research", "edtech"),
        email="elliot.osei@example.com",
        notes="Nadia's lead. Hires researchers from other fields on purpose: he says "
        "teachers already know how to watch a room.",
        introduced_by="nadia",
    ),
    DemoPerson(
        "kwame",
        "Kwame Asante",
        50,
        3,
        "online",
        "Brightpath Talent",
        "Recruiter",
        relationship="recruiter",
        cadence_days=30,
        email="kwame.asante@example.net",
    ),
    DemoPerson(
        "gareth",
        "Gareth Evans",
        40,
        3,
        "online",
        "Foxglove Research",
        "Head of research",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("UX research",),
    ),
    DemoPerson(
        "patrick",
        "Patrick Doyle",
        30,
        3,
        "introduction",
        "Sparkwell Learning",
        "Director of product research",
        relationship="hiring_manager",
        hiring_power=True,
        target_field=True,
        tags=("edtech",),
    ),
    DemoPerson(
        "mei",
        "Mei Lin Tan",
        27,
        3,
        "event",
        "Harbour City University",
        "PhD researcher",
        relationship="peer",
        notes="Studies how teachers use tablets in science lessons. Met her at the reading "
        "group Ruth suggested.",
    ),
    DemoPerson(
        "ingrid",
        "Ingrid Solberg",
        12,
        3,
        "association",
        "Harbour City University",
        "Learning scientist",
    ),
    DemoPerson(
        "yusuf",
        "Yusuf Karim",
        12,
        3,
        "association",
        "Openfield Assessment",
        "Product researcher",
        target_field=True,
    ),
)

# Job moves the person learned about: key, days ago, organisation, title.
MOVES = (
    ("aisha", 140, "Openfield Assessment", "Assessment content lead"),
    ("priya", 150, "Sparkwell Learning", "Learning experience designer"),
    ("dev", 105, "Brookside High School", "Deputy headteacher"),
    ("lena", 80, "Tessellate Bank", "Junior UX researcher"),
)

# Introductions recorded on people already in the notebook: introducer, person, days ago.
INTRODUCTIONS = (
    ("claire", "patrick", 30),
    ("aisha", "harriet", 20),
)

# key, days ago, kind, summary
