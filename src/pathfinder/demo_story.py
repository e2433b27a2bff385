"""The demo notebook's story (invented): Maya's why, roles, goals and organisations, used by
`pathfinder.demo`.

The people are in `pathfinder.demo_people` and `pathfinder.demo_people_met`, what happened
with them in `pathfinder.demo_interactions`, informational interviews and events in
`pathfinder.demo_conversations`, and the journal in `pathfinder.demo_journal`."""

from __future__ import annotations

WHYS = (
    (
        172,
        "Nine years teaching chemistry at secondary school, the last four at Northfield Academy.",
        "Something in education technology. I don't know what yet.",
        "I'm tired, and I miss learning new things myself. The best moments of my week are "
        "when a student finally sees how something works.",
    ),
    (
        87,
        "Nine years teaching chemistry, and a year helping run Northfield's trial of the "
        "Sparkwell learning platform.",
        "A research role in education technology: finding out how teachers and students "
        "really use the tools.",
        "The pilot was the best part of my year. Interviewing colleagues about what confused "
        "them was more fun than planning lessons.",
    ),
    (
        9,
        "Nine years teaching secondary-school chemistry; a year co-running the Sparkwell "
        "pilot at Northfield; an evening course in UX research.",
        "A UX researcher at an education technology company, spending time with teachers "
        "and students every week.",
        "I'm good at watching how people learn, and the pilot showed me I love asking "
        "questions and turning the answers into changes. I want my work to reach more "
        "classrooms than my own.",
    ),
)

# title, industry, days ago added, status then, [(days ago, new status, notes)]
ROLES: tuple[tuple[str, str, int, str, str, tuple[tuple[int, str, str], ...]], ...] = (
    (
        "UX researcher",
        "Education technology",
        170,
        "exploring",
        "The one I keep coming back to.",
        (
            (
                62,
                "talking",
                "Four informational interviews so far; Nadia's week sounded exactly right. "
                "Next: ask Elliot what a junior role looks like in practice.",
            ),
        ),
    ),
    (
        "Product manager",
        "Health technology",
        150,
        "exploring",
        "Ben makes it sound interesting, but it's a long way from classrooms. One more "
        "conversation before I decide.",
        (),
    ),
    (
        "Learning designer",
        "Corporate training",
        140,
        "exploring",
        "",
        (
            (
                117,
                "doesnt_fit",
                "Oliver's days are mostly compliance courses written against tight deadlines: "
                "lesson planning for adults, without the classroom. A useful finding, and an "
                "hour well spent: it's the research I'm after, not writing courses.",
            ),
        ),
    ),
    (
        "Customer success manager",
        "Education technology",
        135,
        "exploring",
        "",
        (
            (
                99,
                "fits",
                "Claire talks to teachers all day, which I'd enjoy. The renewal targets worry "
                "me a little, but it's a realistic way in. My plan B.",
            ),
        ),
    ),
    (
        "Research operations coordinator",
        "Education technology",
        80,
        "exploring",
        "Segun's team finds the teachers and pupils for every study. Ask him what the work "
        "is like day to day.",
        (),
    ),
)

# title, kind, number, due in days (negative: none), notes, period
GOALS: tuple[tuple[str, str, int | None, int, str, str], ...] = (
    (
        "Find a mentor",
        "mentor",
        1,
        40,
        "Ruth said yes in the first month. Someone who does research for a living as well "
        "would be a bonus.",
        "total",
    ),
    (
        "Ten informational interviews",
        "interviews",
        10,
        75,
        "About two a month: evenings, video calls, or a coffee near the station.",
        "total",
    ),
    (
        "Write in the journal twice a week",
        "journal",
        2,
        -1,
        "A few lines after each conversation, and a look back on Sundays.",
        "week",
    ),
    (
        "Give something back every month",
        "given",
        1,
        -1,
        "An article, an introduction, a thank-you that says what helped.",
        "month",
    ),
    (
        "Land a UX research role in education technology",
        "job",
        None,
        290,
        "Ideally starting before the next school year.",
        "total",
    ),
)

# name, industry, target organisation, notes
ORGANISATIONS: tuple[tuple[str, str, bool, str], ...] = (
    ("Northfield Academy", "Secondary education", False, "Where I teach now."),
    ("Brookside High School", "Secondary education", False, "My first school, five years."),
    (
        "Sparkwell Learning",
        "Education technology",
        True,
        "Makes the learning platform we piloted. Small research team, growing.",
    ),
    (
        "Pebble & Slate",
        "Education technology",
        True,
        "Reading apps for primary schools. Researchers visit classrooms every month.",
    ),
    (
        "Openfield Assessment",
        "Education technology",
        True,
        "Online assessment for secondary schools; tests new question types with teachers.",
    ),
    ("Harbour City University", "Higher education", False, "Where I trained to teach."),
    ("Foxglove Research", "UX research consultancy", False, ""),
    ("Tessellate Bank", "Financial services", False, "Tom's bank; Lena's research team."),
    ("Marrow Health Digital", "Health technology", False, ""),
    ("Westmoor Science Centre", "Museums and learning", False, "Anna's team evaluates exhibits."),
    ("Brightpath Talent", "Recruitment", False, "Recruits for education technology firms."),
    (
        "Lantern Reading Trust",
        "Children's reading charity",
        False,
        "Volunteer readers in primary schools. A small team evaluates what helps; I read at "
        "Cedar Lane Primary on Thursdays.",
    ),
)
