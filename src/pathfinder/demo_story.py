"""The demo notebook's story (invented): Maya's why, roles, goals, organisations,
the interactions logged by hand and follow-ups, used by `pathfinder.demo`.

Informational interviews and events, with the timeline entries they add, are in
`pathfinder.demo_conversations`."""

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

# title, kind, target number, due in days from today, notes
# title, kind, number, due in days (negative: none), notes, period
GOALS: tuple[tuple[str, str, int | None, int, str, str], ...] = (
    (
        "Find a mentor in UX research",
        "mentor",
        1,
        40,
        "Someone who does the job, not only someone who cheers me on.",
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
    ("Tessellate Bank", "Financial services", False, ""),
    ("Marrow Health Digital", "Health technology", False, ""),
    ("Westmoor Science Centre", "Museums and learning", False, ""),
    ("Brightpath Talent", "Recruitment", False, "Recruits for education technology firms."),
)

INTERACTIONS: tuple[tuple[str, int, str, str], ...] = (
    ("tom", 176, "call", "Told Tom I'm thinking of leaving teaching. He asked good questions."),
    ("helen", 165, "coffee", "Told Helen my plans. She was kind and offered to be a reference."),
    (
        "maureen",
        168,
        "received",
        "Aunt Maureen went through my CV line by line: lead with the pilot, not exam results.",
    ),
    ("priya", 150, "coffee", "Priya told me how she got from Brookside to Sparkwell."),
    ("priya", 110, "received", "Priya read my CV and cut the teaching jargon."),
    ("priya", 70, "gave", "Sent Priya a card to celebrate her first course launch."),
    ("priya", 15, "message", "Asked whether Sparkwell's research team hires people from teaching."),
    ("sam", 160, "video call", "Sam showed me what a week of UX work looks like at Foxglove."),
    ("sam", 52, "message", "Sam is moving house; we'll catch up after."),
    ("aisha", 140, "gave", "Congratulated Aisha on her new job at Openfield."),
    ("aisha", 92, "coffee", "How Openfield tries out new question types with schools."),
    ("aisha", 20, "introduction", "Aisha introduced me to Harriet Cole, their head of product."),
    ("dev", 105, "gave", "Congratulated Dev on becoming deputy head."),
    (
        "marcus",
        171,
        "coffee",
        "Marcus showed me the pilot's usage data; fine for my portfolio with names removed.",
    ),
    ("marcus", 100, "gave", "Wrote up teachers' pilot feedback for Marcus's report to governors."),
    ("claire", 30, "introduction", "Claire introduced me to Patrick Doyle by email."),
    (
        "jonah",
        98,
        "gave",
        "Put Jonah in touch with Anna for his Year 8 trip to the science centre.",
    ),
    (
        "anna",
        97,
        "call",
        "Anna's team watches visitors use every new exhibit. Research by another name.",
    ),
    (
        "ruth",
        158,
        "coffee",
        "Wrote to Dr Adeyemi; over coffee she agreed to meet every month or so.",
    ),
    ("ruth", 120, "received", "Ruth lent me two books on qualitative interviewing."),
    ("ruth", 88, "coffee", "Talked through my why. She pushed me to name a job, not just a field."),
    ("ruth", 27, "coffee", "Ruth suggested helping with a small study at the university."),
    ("ruth", 3, "coffee", "Shared the Pebble & Slate news. She thinks I'm ready to apply."),
    ("ben", 150, "coffee", "Coffee with Ben next door: what a health-tech product manager does."),
    ("imogen", 143, "gave", "Lent Imogen my demonstration videos for the library's science week."),
    ("imogen", 66, "received", "Imogen found me three research-methods books through the library."),
    ("lena", 140, "video call", "Study session: we wrote our first interview guides."),
    ("lena", 80, "message", "Lena got the junior researcher job at Tessellate Bank! Sent flowers."),
    ("lena", 33, "video call", "Lena talked me through her first month as a researcher."),
    ("lena", 8, "gave", "Sent Lena an article on remote diary studies she'd asked about."),
    ("harriet", 18, "email", "Harriet is glad to talk and asked me to suggest some times."),
    ("segun", 85, "message", "Segun shared the network's reading list for newcomers."),
    ("tom", 125, "introduction", "Tom put me in touch with Oliver from the bank's learning team."),
    ("tom", 21, "call", "Birthday call. Tom asked how the interviews are going."),
    ("nadia", 100, "message", "Replied to Nadia's forum post about research with young children."),
    ("nadia", 59, "introduction", "Nadia introduced me to her lead, Elliot Osei."),
    ("nadia", 22, "received", "Nadia sent me her interview guide template."),
    ("sofia", 90, "message", "Sofia moved from nursing to UX research; we swapped stories."),
    ("sofia", 55, "gave", "Gave Sofia feedback on her portfolio case study."),
    ("sofia", 34, "received", "Sofia recommended a short course on survey design."),
    ("charlotte", 47, "coffee", "Charlotte taught too; she changed careers in two years."),
    ("elliot", 10, "email", "Elliot mentioned a junior researcher opening in the new year."),
    ("maureen", 64, "received", "Mock interview with Aunt Maureen: my answers need examples."),
    ("kwame", 50, "call", "Kwame recruits for edtech firms; he'd like a portfolio with my CV."),
    (
        "gareth",
        40,
        "message",
        "Commented on Gareth's post about hiring researchers from outside tech.",
    ),
    ("patrick", 26, "video call", "Sparkwell isn't hiring researchers now; try again in spring."),
    ("mei", 24, "video call", "Mei Lin's study needs schools; I could help her find some."),
    ("mei", 14, "gave", "Put Mei Lin in touch with Helen about visiting Northfield for her study."),
    ("yusuf", 7, "message", "Yusuf accepted my connection request and is glad to talk."),
)

# key, due in days from today (negative: overdue), reason, days ago written, days ago done
FOLLOW_UPS: tuple[tuple[str, int, str, int, int | None], ...] = (
    ("priya", -108, "Send Priya my CV draft.", 150, 109),
    ("claire", -29, "Thank Claire for introducing me to Patrick.", 30, 28),
    ("sam", -6, "Catch up once he has moved; ask to see Foxglove's research library.", 52, None),
    ("kwame", -3, "Send Kwame my CV with the portfolio link.", 50, None),
    ("harriet", -1, "Reply to Harriet with three times for a 30-minute call.", 18, None),
    ("tomasz", 4, "Send Tomasz the two articles on recruiting teachers for studies.", 1, None),
    ("lena", 0, "Swap CV feedback with Lena.", 8, None),
    ("elliot", 5, "Send Elliot the survey write-up he asked to see.", 10, None),
    ("patrick", 12, "Send Patrick the pilot write-up once Marcus has cleared it.", 26, None),
    ("ingrid", 20, "Ask Ingrid about volunteering for the network's teacher panel.", 12, None),
)
