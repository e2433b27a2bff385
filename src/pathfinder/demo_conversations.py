"""The demo notebook's informational interviews and events (invented), used by `pathfinder.demo`.

Days are counted back from the day the demo is built; a negative number is a day still
to come. Bank questions are named by the start of their text in the question bank.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.demo_people import DemoPerson


@dataclass(frozen=True)
class DemoConversation:
    key: str  # the person's key in `demo_people`, `demo_people_met` or `EVENT_PEOPLE`
    role: str  # the target role's title, or "" for none
    started: int  # days ago the idea was written down
    steps: tuple[tuple[str, int], ...] = ()  # (stage, days ago), in order
    scheduled_for: int | None = None  # days ago the meeting is (or was) set for
    research_notes: str = ""
    meeting_notes: str = ""
    outcome: str = ""
    next_step: str = ""
    bank_questions: tuple[tuple[str, str], ...] = ()  # (start of a bank question, answer)
    own_questions: tuple[tuple[str, str], ...] = ()  # (question written for this one, answer)
    introduced: tuple[tuple[str, int], ...] = ()  # (key of someone already here, days ago)
    # Someone new they introduced: (name, days ago, organisation, title, notes)
    introduced_new: tuple[tuple[str, int, str, str, str], ...] = ()
    led_to_opportunity: bool = False  # a referral, a job interview or a lead came of it


# Met at an event and added from it, before being linked to the event.
EVENT_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "farah",
        "Farah Quinn",
        75,
        3,
        "event",
        "Marrow Health Digital",
        "Product manager",
        target_field=True,
        tags=("meetup",),
        notes="Ran product for a revision app before moving to health technology. Works a "
        "floor above Ben.",
    ),
)

CONVERSATIONS: tuple[DemoConversation, ...] = (
    DemoConversation(
        "oliver",
        "Learning designer",
        125,
        (
            ("requested", 124),
            ("scheduled", 122),
            ("prepared", 119),
            ("met", 118),
            ("thanked", 117),
            ("closed", 117),
        ),
        scheduled_for=118,
        research_notes="Tom's colleague in the bank's learning team. Taught primary school "
        "before moving into course design.\n\n"
        "- Ask what a normal week of writing courses looks like\n"
        "- Ask how often he meets the people who take them",
        meeting_notes="## What I heard\n"
        "- Most of his work is compliance training: fraud, data protection, fire safety.\n"
        "- Deadlines come from regulators, so there is little time to try anything out "
        "with learners.\n"
        "- He rarely meets the people who take his courses; feedback arrives as completion "
        "figures.\n\n"
        "## What it means for me\n"
        "This is lesson planning for adults, without the classroom: the part of teaching "
        "I'd happily leave behind. It **doesn't fit me**, and I'm glad I found out in an "
        "hour rather than a year. The research side is what I'm after.",
        outcome="doesnt_fit",
        next_step="Nothing more on learning design. Tell Tom how useful the hour was.",
        bank_questions=(
            (
                "What did yesterday look like",
                "A morning checking a fraud-awareness module with the legal team, then a "
                "storyboard for a course for new starters. No learners in sight.",
            ),
            (
                "Which part of your job gives you energy",
                "Energy: the rare project where he gets to interview staff first. Tiring: "
                "rewriting the same policy course every year.",
            ),
            (
                "What were you doing before this role",
                "Six years teaching Year 5. He left for steadier hours and doesn't miss the "
                "marking.",
            ),
        ),
    ),
    DemoConversation(
        "claire",
        "Customer success manager",
        110,
        (
            ("requested", 108),
            ("scheduled", 105),
            ("prepared", 102),
            ("met", 101),
            ("thanked", 99),
            ("closed", 90),
        ),
        scheduled_for=101,
        research_notes="Ran the Sparkwell pilot's training sessions at Northfield. Moved "
        "into customer success from sales support three years ago.",
        meeting_notes="## Her week\n"
        "- About twenty calls with schools: training, check-ins and renewals.\n"
        "- Every Friday she passes what teachers struggled with to the product team.\n\n"
        "## For me\n"
        "Talking to teachers all day would suit me. The **renewal targets** worry me a "
        "little, but it's a realistic way into education technology. **Fits me**, as plan B.",
        outcome="fits",
        next_step="Ask Claire in three months whether her team is hiring.",
        bank_questions=(
            (
                "Roughly how is your week split",
                "Half on calls with schools, a quarter on training, the rest on notes and "
                "the Friday report for product.",
            ),
            (
                "Which skills from your earlier work carried over",
                "Explaining things simply and staying calm with a cross customer. She thinks "
                "teachers have both in spades.",
            ),
            (
                "How do people in your field usually find their jobs",
                "Mostly through people they already know at the company, then the job board.",
            ),
        ),
    ),
    DemoConversation(
        "beatrice",
        "UX researcher",
        128,
        (("requested", 120), ("scheduled", 112), ("prepared", 97), ("met", 96), ("thanked", 95)),
        scheduled_for=96,
        research_notes="Spoke at Learning Futures about research with children. Foxglove "
        "works for many clients; Sam is there too.",
        meeting_notes="- Four to six projects a year, each for a different client on a "
        "different subject.\n"
        "- Plenty of variety and learning, but she rarely sees what happens after the "
        "final report.\n\n"
        "I can't tell yet whether I'd miss **watching a product grow**. Not sure, and that's "
        "fine for now.",
        outcome="not_sure",
        next_step="Ask Sam what he would miss if he moved to a company with its own product.",
        bank_questions=(
            (
                "How does this work differ between large organisations",
                "Agencies mean short projects and many topics; in-house teams go deeper on one "
                "product and see their findings used.",
            ),
            (
                "What do people outside your field usually get wrong",
                "That research is mostly surveys. Hers is mostly sitting beside people and "
                "watching.",
            ),
        ),
    ),
    DemoConversation(
        "nadia",
        "UX researcher",
        99,
        (
            ("requested", 98),
            ("scheduled", 70),
            ("prepared", 63),
            ("met", 62),
            ("thanked", 61),
            ("closed", 55),
        ),
        scheduled_for=62,
        research_notes="Researcher at Pebble & Slate; writes thoughtful forum answers about "
        "research with young children. She is busy until the term's release is out.",
        meeting_notes="## A week at Pebble & Slate\n"
        "- Monday and Tuesday in schools, watching children use the reading app.\n"
        "- The rest of the week: sorting notes, finding patterns, showing them to the "
        "designers.\n\n"
        "> Half my week is talking to people, half is making sense of it.\n\n"
        "This is the job I want. **Fits me.**",
        outcome="fits",
        led_to_opportunity=True,
        next_step="Keep in touch every month or so; she likes reading suggestions.",
        bank_questions=(
            (
                "Looking back, which two or three steps",
                "Volunteering on a charity's reading scheme, a short research course, and a "
                "portfolio with two real studies in it.",
            ),
            (
                "Is there a small way I could try this work first",
                "Help with a small study: a university project or a school's own survey. "
                "Real notes from real sessions count.",
            ),
            (
                "Who would you talk to next",
                "Her lead, Elliot. He hires people from other fields on purpose.",
            ),
        ),
        own_questions=(
            (
                "How do you run a session with a seven-year-old who goes quiet?",
                "Ask them to show you rather than tell you: let them teach you the app. Keep "
                "it to twenty minutes, with their teacher nearby.",
            ),
        ),
        introduced=(("elliot", 59),),
    ),
    DemoConversation(
        "elliot",
        "UX researcher",
        58,
        (("requested", 57), ("scheduled", 52), ("prepared", 45), ("met", 44), ("thanked", 43)),
        scheduled_for=44,
        research_notes="Nadia's lead at Pebble & Slate. Hires researchers from other fields "
        "on purpose. Read his blog post on asking pupils for feedback.",
        meeting_notes="## What he looks for\n"
        "1. Evidence of real research, however small: a write-up that says what changed "
        "because of it.\n"
        "2. Someone who can listen without steering.\n"
        "3. Short, clear reports that people actually read.\n\n"
        "The Sparkwell pilot counts as research if I write it up properly. He may have a "
        "**junior opening** later on.",
        outcome="fits",
        next_step="Send Elliot the survey write-up he asked to see.",
        bank_questions=(
            (
                "Knowing my background, what looks like my strongest point",
                "Strongest: years of watching people learn and keeping a room calm. Gap: no "
                "write-up yet that follows a study from question to change.",
            ),
            (
                "What mistakes do you see people make",
                "Listing courses instead of showing work, and talking about themselves rather "
                "than about the people they studied.",
            ),
        ),
    ),
    DemoConversation(
        "tomasz",
        "UX researcher",
        30,
        (("requested", 28), ("scheduled", 20), ("prepared", 3), ("met", 1)),
        scheduled_for=1,
        research_notes="Gave the talk on recruiting teachers at the EdTech Research Meetup. "
        "Researcher at Sparkwell; works with Segun.",
        meeting_notes="- Finding teachers who can spare an hour is the hardest part of his "
        "job.\n"
        "- Most studies happen after school or in the holidays.\n"
        "- He'd value someone who knows how a school day really runs.",
        next_step="Send the thank-you with the two articles he asked about.",
        bank_questions=(
            (
                "Which changes in your field over the last few years",
                "Schools are warier about data, so consent takes longer and studies are smaller.",
            ),
            (
                "What does a hard week look like",
                "Three sessions cancelled by a school trip, and a deadline that doesn't move.",
            ),
        ),
    ),
    DemoConversation(
        "segun",
        "Research operations coordinator",
        60,
        (("requested", 40), ("scheduled", 26), ("prepared", 6), ("met", 5)),
        scheduled_for=5,
        research_notes="Runs research operations at Sparkwell: finding participants, consent "
        "forms, the research library. We met at the network's evening talk.",
        meeting_notes="## Research operations, day to day\n"
        "- Booking schools and families for studies, and paying them\n"
        "- Consent and safeguarding paperwork: lots of it, and it matters\n"
        "- Keeping the research library tidy so findings can be found again\n\n"
        "Close to research, and my school years would count for a lot. But I'd be "
        "**arranging** the conversations rather than having them. Not sure yet.",
        outcome="not_sure",
        next_step="Send Segun a thank-you, then write to Rosa.",
        bank_questions=(
            (
                "Who do you work with most closely",
                "The researchers, every day, and the school office staff who say yes or no.",
            ),
            (
                "What did you try along the way",
                "A year as a researcher. He liked organising the studies more than running them.",
            ),
            (
                "Do you know anyone who came to this work",
                "Rosa Delgado at Openfield; she was a school librarian until two years ago.",
            ),
        ),
        introduced_new=(
            (
                "Rosa Delgado",
                5,
                "Openfield Assessment",
                "Research operations coordinator",
                "Segun's friend from the research network. Was a school librarian; now "
                "finds the teachers for Openfield's studies.",
            ),
        ),
    ),
    DemoConversation(
        "harriet",
        "UX researcher",
        20,
        (("requested", 19),),
        research_notes="Head of product at Openfield. Aisha knows her well and introduced "
        "us.\n\n"
        "- Read Openfield's blog post on teacher feedback loops\n"
        "- She hires, so keep this about learning, not about jobs",
        next_step="Reply with three times for a 30-minute call.",
    ),
    DemoConversation(
        "yusuf",
        "UX researcher",
        11,
        (("requested", 8), ("scheduled", 4)),
        scheduled_for=-9,
        research_notes="Product researcher at Openfield. We shared a breakout room at the "
        "network webinar. Ask how his research differs from Nadia's.",
        next_step="Read Openfield's latest study write-up before the call.",
    ),
    DemoConversation(
        "charlotte",
        "UX researcher",
        40,
        (("requested", 16), ("scheduled", 14), ("prepared", 1)),
        scheduled_for=-2,
        research_notes="Taught English for six years before moving into design. Works "
        "alongside Nadia, so she sees the research from the designers' side.",
        next_step="Check the video link the day before.",
        bank_questions=(
            ("If you came from another field", ""),
            ("Who do you work with most closely", ""),
            ("Which courses, certificates or tools", ""),
            ("What do you wish someone had told you", ""),
        ),
    ),
    DemoConversation(
        "gareth",
        "UX researcher",
        38,
        research_notes="Head of research at Foxglove. Posts about hiring researchers from "
        "outside tech. Sam works for him.",
        next_step="Ask Sam whether he'd be comfortable introducing me.",
    ),
    DemoConversation(
        "farah",
        "Product manager",
        74,
        research_notes="Met her at the EdTech Research Meetup. She has done product work in "
        "both education and health, which is exactly the comparison I need.",
        next_step="Ask Ben whether Farah would be happy to hear from me.",
    ),
)

# name, days ago, kind, place, notes, the keys of the people met there
EVENTS: tuple[tuple[str, int, str, str, str, tuple[str, ...]], ...] = (
    (
        "Learning Futures",
        130,
        "conference",
        "Harbour City conference centre",
        "Two days of talks on learning and technology. The best session was Harriet's, on "
        "designing assessments **with** teachers rather than for them.",
        ("harriet", "beatrice", "kenji"),
    ),
    (
        "Education Research Network evening talk",
        128,
        "association",
        "Harbour City University",
        "Running studies in schools without getting in the way of lessons. Joined the "
        "network afterwards.",
        ("segun",),
    ),
    (
        "EdTech Research Meetup",
        75,
        "meetup",
        "Sparkwell Learning's office",
        "Tomasz spoke about finding teachers for studies. About forty people there, and at "
        "least five had come from teaching.",
        ("tomasz", "charlotte", "farah", "ravi"),
    ),
    (
        "Classroom studies in practice",
        12,
        "webinar",
        "https://example.org/research-network/webinars",
        "Ingrid's webinar for the research network, with breakout rooms afterwards.\n\n"
        "- Short sessions work best with pupils\n"
        "- Always agree with the teacher what you will and won't watch",
        ("ingrid", "yusuf"),
    ),
)
