"""The demo notebook's journal (invented): Maya's entries over the last four months.

Days are counted back from the day the demo is built. People and conversations are named by
the person's key in `demo_people` / `demo_conversations`, events by their exact name, and a
prompt by its exact text in `services.journal_texts`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoEntry:
    days_ago: int  # days before today, at least 1
    hour: int  # hour of the day it was written, 6 to 23
    title: str  # may be empty
    body: str  # Markdown
    tags: tuple[str, ...] = ()
    mood: int | None = None  # 1 to 5
    confidence: int | None = None  # 1 to 5
    shared: bool = False  # shared with the mentor
    prompt_set: str = ""  # a PromptSet key when started from a prompt set
    prompt: str = ""  # the exact text of one prompt of that set
    people: tuple[str, ...] = ()  # person keys
    conversation: str = ""  # the person key of one of the demo conversations
    event: str = ""  # the exact name of one of the demo events


ENTRIES: tuple[DemoEntry, ...] = (
    DemoEntry(
        123,
        21,
        "Starting this journal",
        "Ruth thinks I'll notice patterns sooner if I write something down after each step, "
        "so here goes.\n\n"
        "Where things stand, two months after I first admitted I want to leave teaching:\n\n"
        "- Two evenings a week on [the course](https://example.org/ux-course), with Lena as "
        "my study buddy\n"
        "- Learning Futures last week: I came home with a notebook full of ideas and two "
        "names\n"
        "- Joined the Education Research Network after their evening talk\n"
        "- Tom has put me in touch with Oliver, who designs courses at the bank\n\n"
        "I still can't say what job I want, only the kind of moment I want more of. "
        "Writing that down feels like a start.",
        tags=("reflection",),
        mood=3,
        confidence=2,
    ),
    DemoEntry(
        119,
        17,
        "",
        "Busier than it felt. Oliver said yes and we talk tomorrow, so tonight I "
        "wrote my questions, mostly about what an ordinary week of course writing looks "
        "like.\n\n"
        "I also asked Beatrice from Foxglove for half an hour. Her talk at the conference "
        "on research with children is the one I keep thinking about. She's busy, so it may be "
        "a while.\n\n"
        "What stayed with me most was Ruth handing me two books on interviewing and saying "
        '**"read the chapter on silence first"**. Apparently the hardest skill is to stop '
        "talking. That one will take practice.",
        tags=("weekly", "networking"),
        mood=3,
        confidence=2,
        prompt_set="weekly_review",
        prompt="Who did you talk to this week, and what stayed with you?",
    ),
    DemoEntry(
        118,
        21,
        "Oliver: not for me",
        "Doesn't fit me, and I'm oddly pleased to know it.\n\n"
        "Oliver was generous with his time. Most of his week goes on compliance courses "
        "(fraud, data protection, fire safety) with deadlines set by regulators, and he "
        "hardly ever meets the people who take them.\n\n"
        "Everything I'm trying to get away from was in that description: planning, without "
        "the people. What lit me up was the one project where he interviewed staff before "
        "writing anything. That's the bit I want, and it's research, not course writing.\n\n"
        "One hour saved me from a year down the wrong path. I'll mark learning design as "
        "**doesn't fit** once I've slept on it, and tell Tom how useful his introduction "
        "was.",
        tags=("interviews", "reflection"),
        mood=3,
        confidence=3,
        shared=True,
        prompt_set="after_conversation",
        prompt="Does this work fit you, not fit you, or is it too soon to tell?",
        people=("oliver", "tom"),
        conversation="oliver",
    ),
    DemoEntry(
        115,
        22,
        "Reading Ruth's books",
        "Halfway through the first of Ruth's books. Things I want to remember:\n\n"
        "1. Ask about the last time something happened, not what usually happens.\n"
        "2. Leave a pause after an answer; the useful part often comes next.\n"
        "3. Write down what people did, separately from what they said they did.\n\n"
        'The third one made me laugh. Every teacher knows the gap between *"I did my '
        'homework"* and the homework.',
        tags=("ux", "learning"),
    ),
    DemoEntry(
        112,
        22,
        "",
        "Parents' evening ran late and I sat in the car afterwards adding up my pension, "
        "which is never a good sign.\n\n"
        "Honestly, I still want the goal. What gets to me is the time: evenings on the "
        "course, weekends on reading, and nothing to show anyone yet. Priya took eleven "
        "months and nearly gave up twice, and I'm barely two months into asking people "
        "questions.\n\n"
        "So it's the pace, not the direction. I can live with slow. Going back to pretending "
        "I'm happy where I am would be harder.",
        tags=("doubts",),
        mood=2,
        confidence=2,
        prompt_set="doubting",
        prompt="Is this doubt about the goal itself, or about how long it's taking?",
    ),
    DemoEntry(
        110,
        19,
        "Priya's red pen",
        "Priya went through my CV tonight and crossed out half of it, kindly. Her rule: if "
        "someone outside a school wouldn't say it, neither should I.\n\n"
        "| Before | After |\n"
        "|---|---|\n"
        "| Differentiated lessons for mixed-ability groups | Adapted material for thirty "
        "people with different needs |\n"
        "| Led the Sparkwell pilot at KS3 | Co-ran a year-long trial of a learning platform "
        "with 12 teachers |\n"
        "| Used assessment data to inform planning | Turned feedback into changes, every "
        "week |\n\n"
        "It reads like someone I'd want to hire.",
        tags=("cv",),
        mood=3,
        confidence=3,
    ),
    DemoEntry(
        105,
        17,
        "Weekly review",
        "## This week\n\n"
        "Claire said yes to a chat about customer success, and it's booked for next week.\n\n"
        "## What I gave\n\n"
        "A note to Dev to congratulate him on becoming deputy head. It took two minutes and "
        "he replied within the hour.\n\n"
        "## What I learned\n\n"
        "Asking is easier when it's someone I've already worked with. I want to get as "
        "comfortable writing to strangers.\n\n"
        "## One step for next week\n\n"
        "Read up on Sparkwell's customer success team before talking to Claire.",
        tags=("weekly",),
        mood=3,
        confidence=3,
    ),
    DemoEntry(
        101,
        20,
        "Claire and customer success",
        "**Leaned in:** Claire spends her days talking to teachers, and every Friday she "
        "passes what they struggled with to the product team. That Friday report is the "
        "closest thing to research in her job, and she clearly loves it.\n\n"
        "**Winced:** renewal targets. She was honest that some months are about keeping "
        "schools signed up, and I pictured myself chasing a head of department for a "
        "decision.\n\n"
        "Still, it fits me better than I expected. It would be a realistic way into "
        "education technology, so it's my **plan B**, and it's good to have one. Thank-you "
        "note goes out in the next day or two.",
        tags=("interviews", "ux"),
        mood=4,
        confidence=3,
        shared=True,
        prompt_set="after_conversation",
        prompt="Which part of their work made you lean in, and which part made you wince?",
        people=("claire",),
        conversation="claire",
    ),
    DemoEntry(
        97,
        21,
        "Research by another name",
        "Rang Anna tonight to say thank you for helping Jonah with his trip, and we ended up "
        "talking for forty minutes.\n\n"
        "Her team at the science centre watches visitors try every new exhibit before it "
        "opens. They take notes on where people stop, what they touch first and what they "
        "skip. She calls it evaluation. It sounds a lot like Beatrice's talk at the "
        "conference.\n\n"
        "I keep meeting people who do research without calling it that. Maybe I've been "
        "doing a small version of it in my lab for years.",
        tags=("ux", "reflection"),
    ),
    DemoEntry(
        96,
        22,
        "Beatrice: not sure, and that's fine",
        "What no advert would tell me: at a consultancy you rarely find out what happened "
        "next. Beatrice runs four to six projects a year for different clients, hands over "
        "a report and moves on. Lots of variety, lots of learning, and very little of "
        "**watching a product grow**.\n\n"
        "She also said people think research is mostly surveys, when hers is mostly sitting "
        "beside someone and watching. I liked that a lot.\n\n"
        "I honestly can't tell yet whether I'd miss the follow-through, so I'm calling it "
        "*not sure*. Next step: ask Sam what he'd miss if he moved somewhere with its own "
        "product.",
        tags=("interviews", "ux"),
        mood=3,
        confidence=3,
        prompt_set="after_conversation",
        prompt="What did you learn today that no job advert would have told you?",
        people=("beatrice", "sam"),
        conversation="beatrice",
    ),
    DemoEntry(
        91,
        18,
        "",
        "How much research goes on without anyone calling it research.\n\n"
        "- Aisha told me Openfield tries out every new question type with real classes "
        "before it goes live.\n"
        "- Anna's team watches visitors with each new exhibit.\n"
        "- Beatrice does it for a living and says it's mostly watching.\n\n"
        "Three conversations this month (goal: 2). The pattern is getting clearer: I keep "
        "leaning towards the watching and asking, not the selling or the course writing.\n\n"
        "Coffee with Ruth in a few days. I want to take her a clearer answer than "
        '"something in edtech".',
        tags=("weekly", "reflection"),
        mood=3,
        confidence=3,
        shared=True,
        prompt_set="weekly_review",
        prompt="What surprised you this week?",
    ),
    DemoEntry(
        88,
        21,
        "Name the job",
        "Coffee with Ruth. I talked for ten minutes about the field, and she asked one "
        'question: **"What would you be doing on a Tuesday afternoon?"**\n\n'
        "I didn't have an answer. \"Working in education technology\" isn't a Tuesday "
        "afternoon.\n\n"
        "When I thought about it, the honest picture was a classroom, a teacher trying a new "
        "tool, and me at the back taking notes, then later working out what to change. "
        "Ruth said that's a research job and I should say so.\n\n"
        "Homework: rewrite my why so a stranger could picture the job.",
        tags=("mentor", "why"),
        mood=3,
        confidence=3,
        people=("ruth",),
    ),
    DemoEntry(
        87,
        20,
        "Rewriting my why",
        "The old version said *\"something in education technology, I don't know what "
        "yet\"*. That was true three months ago. It isn't now.\n\n"
        "What I'd change:\n\n"
        "- Name the job: a **research role** in education technology.\n"
        "- Say what it's for: finding out how teachers and students really use the tools.\n"
        "- Give the evidence: the Sparkwell pilot was the best part of my year, and "
        "interviewing colleagues about what confused them was more fun than planning "
        "lessons.\n\n"
        "Ruling out learning design helped more than I expected. Knowing what I don't want "
        "made the rest easier to write. New version saved.",
        tags=("why", "reflection"),
        mood=4,
        confidence=3,
        shared=True,
        prompt_set="revisit_why",
        prompt="If you wrote your why again today, what would you change?",
    ),
    DemoEntry(
        80,
        22,
        "",
        "Lena got the junior researcher job at Tessellate Bank. I'm thrilled for her and "
        "sent flowers, and then I sat on the stairs feeling left behind.\n\n"
        "What's worrying me: we started the course together, and she now has the title and "
        "I have a spreadsheet of people to email.\n\n"
        "Fairer version: she's been at this for two years, not three months. Her news also "
        "shows that people like us do get hired. I've added research operations to my list "
        "of roles after Segun's reading list, so I'm still moving, only more slowly than "
        "I'd like.",
        tags=("doubts",),
        mood=3,
        confidence=2,
        prompt_set="doubting",
        prompt="What exactly is worrying you today?",
        people=("lena",),
    ),
    DemoEntry(
        77,
        17,
        "Weekly review",
        "## This week\n\n"
        "Lena's news, a wobble, and Segun's reading list for newcomers, which I've started.\n\n"
        "## What I learned\n\n"
        "Research operations is a real job: someone has to find the teachers, sort out "
        "consent and keep the findings where people can find them.\n\n"
        "## One step for next week\n\n"
        "Go to the EdTech Research Meetup in two days and **talk to two people** I don't "
        "know. Not ten. Two.",
        tags=("weekly", "events"),
        mood=3,
        confidence=3,
    ),
    DemoEntry(
        76,
        21,
        "Before the meetup",
        "Meetup tomorrow at Sparkwell's office, and my stomach already knows about it.\n\n"
        "My two sentences, practised on the cat:\n\n"
        "> I teach chemistry, and this year I co-ran our school's trial of Sparkwell's "
        "platform. I'm moving into UX research, and I'm here to learn how teams find "
        "teachers for their studies.\n\n"
        "The second sentence gives people something to ask about, which takes the pressure "
        "off me. Tomasz is speaking about exactly that, so I have a question ready for "
        "afterwards.\n\n"
        "I'll leave at nine whatever happens.",
        tags=("nerves", "events"),
        mood=2,
        confidence=2,
        prompt_set="before_event",
        prompt="Write the two sentences you'll say when someone asks what you do.",
        event="EdTech Research Meetup",
    ),
    DemoEntry(
        75,
        22,
        "The meetup",
        "I went, I talked, I stayed until half nine.\n\n"
        "- **Tomasz** gave the talk on finding teachers for studies. I asked about after-"
        "school sessions and he wrote down my name.\n"
        "- **Charlotte** taught English for six years before moving into design. We swapped "
        "numbers.\n"
        "- **Farah** ran product for a revision app before moving into health technology, "
        "and she works a floor above Ben. Small world.\n\n"
        "About forty people were there, and at least five had come from teaching. I said my "
        "two sentences three times, and by the third they sounded like mine.",
        tags=("networking", "events", "wins"),
        mood=4,
        confidence=3,
        shared=True,
        people=("tomasz", "charlotte", "farah"),
        event="EdTech Research Meetup",
    ),
    DemoEntry(
        64,
        19,
        "Mock interview with Aunt Maureen",
        "Aunt Maureen gave me a proper mock interview, twenty years of HR in one raised "
        "eyebrow. Her verdict: my answers are sensible and **have no examples in them**.\n\n"
        "Stories I'll keep ready from now on:\n\n"
        "| Question | My example |\n"
        "|---|---|\n"
        "| Tell me about some research you've done | The pilot survey of 12 teachers |\n"
        "| When did findings change a plan? | The login screen we got Sparkwell to fix |\n"
        "| How do you handle a difficult person? | Year 10 on a Friday, period 6 |\n\n"
        "Humbling, but better in her kitchen than in a real interview.",
        tags=("interviews", "cv"),
        mood=3,
        confidence=2,
    ),
    DemoEntry(
        63,
        20,
        "",
        "Honestly? About half a tank. Marking week, and Maureen's feedback is still "
        "stinging a little.\n\n"
        "But the conversation I've waited over a month for is **tomorrow**: Nadia at Pebble & "
        "Slate. I've read her forum answers twice and written my questions tonight, "
        "including the one I most want answered: how do you run a session with a "
        "seven-year-old who goes quiet?\n\n"
        "Plan for the week: the call with Nadia, the thank-you note within two days, and an "
        "early night on Friday. Nothing else.",
        tags=("weekly",),
        mood=3,
        confidence=3,
        prompt_set="weekly_review",
        prompt="How much energy do you have for next week, honestly?",
    ),
    DemoEntry(
        62,
        21,
        "This is the job",
        "## Nadia\n\n"
        "Two days a week in schools watching children use the reading app, and the rest "
        'making sense of it with the designers. *"Half my week is talking to people, half '
        'is making sense of it."* I wrote that on a sticky note and put it on my laptop.\n\n'
        "**Fits me.** Completely.\n\n"
        "## Who next\n\n"
        "Her lead, **Elliot Osei**, who hires people from other fields on purpose. She "
        "offered to introduce us.\n\n"
        "She also said a small real study would count for more than another course. Worth "
        "thinking about.",
        tags=("interviews", "ux", "wins"),
        mood=5,
        confidence=4,
        shared=True,
        prompt_set="after_conversation",
        prompt="Who did they suggest you talk to next?",
        people=("nadia",),
        conversation="nadia",
    ),
    DemoEntry(
        59,
        7,
        "An introduction",
        "Nadia's email introducing me to Elliot arrived overnight. Read it twice over "
        "breakfast before school.\n\n"
        "She described me as *\"a teacher who already does research, she just doesn't call "
        'it that yet"*, which is the nicest thing anyone has written about me in a while.\n\n'
        "Plan: read his post on asking pupils for feedback, then write to him at the weekend "
        "with two times that work. Keep it short.",
        tags=("networking", "wins"),
        mood=4,
        confidence=4,
    ),
    DemoEntry(
        56,
        22,
        "",
        "Exhausted. Thirty reports still to write, and I caught myself wondering whether I "
        "could just stop all this and be a perfectly decent chemistry teacher.\n\n"
        "What I'd miss if I stopped now:\n\n"
        "- The feeling after Nadia's call, walking round the block grinning\n"
        "- Sunday evenings practising interviews with Lena\n"
        "- Learning something new every single week, which is what I said I missed in the "
        "first place\n\n"
        "That settles it for tonight. Reports first, then bed.",
        tags=("doubts",),
        mood=2,
        confidence=3,
        prompt_set="doubting",
        prompt="What would you miss if you stopped now?",
    ),
    DemoEntry(
        50,
        21,
        "",
        "Kwame, a recruiter for education technology companies, was friendly and very "
        "direct: with a CV alone he can't put me forward. He wants a **portfolio**, with at "
        "least one piece of research someone could read.\n\n"
        "Not what I hoped to hear after a good fortnight. It's the same thing Priya said at "
        "the start, though, and Nadia more recently, so I can't call it news.\n\n"
        "What I found out is what's missing, and it's something I can make. The pilot data "
        "is sitting there; Marcus already said I can use it with names removed.",
        tags=("setbacks", "portfolio"),
        mood=2,
        confidence=2,
        prompt_set="after_bummer",
        prompt="What did you find out, even if it wasn't what you hoped to hear?",
        people=("kwame",),
    ),
    DemoEntry(
        49,
        17,
        "",
        "Still waiting:\n\n"
        "- Catching up with Sam once he's moved house\n"
        "- Sending Kwame my CV, but only once there's a portfolio link to go with it\n"
        "- Preparing for Elliot next week: **this one first**\n\n"
        "| Goal | Where I am |\n"
        "|---|---|\n"
        "| Ten informational interviews | 4 done, Elliot booked |\n"
        "| A mentor in UX research | Not yet; Ruth is wonderful but not a researcher |\n"
        "| A UX research role | Need a portfolio first |\n\n"
        "Gave Sofia feedback on her portfolio case study this week, which helped me see "
        "what mine should look like.",
        tags=("weekly", "portfolio"),
        mood=3,
        confidence=3,
        shared=True,
        prompt_set="weekly_review",
        prompt="Which follow-ups are still waiting, and which one will you do first?",
    ),
    DemoEntry(
        47,
        18,
        "Two years",
        "Coffee with Charlotte after the meetup, finally. She taught English for six years "
        "and made the move to design in about two.\n\n"
        "What helped her most was redoing one small project for a real team rather than "
        "taking more courses. She also said the first year felt like nothing was "
        "happening, and then three things happened in the same month.\n\n"
        "I needed to hear that this week.",
        tags=("networking", "reflection"),
        mood=4,
        confidence=3,
    ),
    DemoEntry(
        44,
        21,
        "Elliot",
        "For the thank-you note:\n\n"
        "1. His point that the Sparkwell pilot **counts as research** if I write it up "
        "properly: a question, what we did, what we found, what changed because of it.\n"
        "2. The three things he looks for: evidence of real research however small, "
        "listening without steering, and short reports people actually read.\n\n"
        "He also mentioned there might be a junior opening later on. I'm trying very hard "
        "not to hang everything on that.\n\n"
        "Offer to send him the write-up once it's done. That gives me a deadline.",
        tags=("interviews", "ux", "portfolio"),
        mood=4,
        confidence=4,
        shared=True,
        prompt_set="after_conversation",
        prompt="Jot down two things to mention in your thank-you note.",
        people=("elliot",),
        conversation="elliot",
    ),
    DemoEntry(
        40,
        10,
        "Writing up the pilot",
        "A morning off, a big pot of coffee. The shape Elliot suggested:\n\n"
        "## The question\n\n"
        "Why did half our teachers stop using the platform after the first month?\n\n"
        "## What we found\n\n"
        "- The login took four steps on the school laptops\n"
        "- Nobody knew where the Year 9 materials were\n"
        "- Teachers who had one lesson of training kept going; the rest didn't\n\n"
        "## What changed\n\n"
        "Still drafting this part. Marcus will check the usage figures before anyone else "
        "sees it.",
        tags=("portfolio", "ux"),
    ),
    DemoEntry(
        35,
        16,
        "Weekly review",
        "## This week\n\n"
        "Two sections of the pilot write-up done. I left a comment on a post by Gareth, "
        "Foxglove's head of research, about hiring researchers from outside tech. Sam works "
        "for him, so one day I might ask for an introduction.\n\n"
        "## What I gave\n\n"
        "Nothing this week, and I noticed. It only works if it goes both ways.\n\n"
        "## One step for next week\n\n"
        "Finish the draft and send it to Marcus to check.",
        tags=("weekly", "portfolio"),
        mood=4,
        confidence=4,
    ),
    DemoEntry(
        33,
        20,
        "Lena's first month",
        "Lena talked me through her first month as a researcher at the bank:\n\n"
        "- Week one: reading every old report she could find\n"
        "- Week two: sitting in on someone else's interviews\n"
        "- Weeks three and four: her own sessions, with a colleague taking notes\n\n"
        "Much gentler than I'd imagined. She says the teaching habit of checking everyone is "
        "following helps all the time.\n\n"
        "Sofia recommended a short course on survey design, and I've signed up for "
        "[the course](https://example.org/survey-design). Four evenings; I can manage four.",
        tags=("ux", "learning"),
        mood=4,
        confidence=4,
    ),
    DemoEntry(
        27,
        21,
        "A small study",
        "Ruth had an idea over coffee: help with a small study at the university. Then I went "
        "to the reading group she'd suggested, and there was Mei Lin, a PhD researcher "
        "studying how teachers use tablets in science lessons.\n\n"
        "Her study needs schools, and I know schools. We're talking properly on a video call "
        "later this week.\n\n"
        "This is what Nadia and Charlotte both told me to do: real work, however small. "
        "It would give me real session notes for the portfolio, and I'd be useful to "
        "someone at the same time.",
        tags=("mentor", "ux"),
        mood=4,
        confidence=4,
        people=("ruth", "mei"),
    ),
    DemoEntry(
        26,
        21,
        "",
        "Patrick at Sparkwell was warm and straightforward: they're **not hiring researchers "
        "right now**, and I should try again in the spring.\n\n"
        "Outside my control: their budget, their timing, and the fact that the company I know "
        "best happens to be standing still this year.\n\n"
        "Inside my control: he asked to see the pilot write-up once Marcus has cleared it, "
        "which means he'll remember me when the spring comes. I'm glad I'd already thanked "
        "Claire for the introduction.\n\n"
        "Disappointed, yes. It isn't a no to me, though, only a no to now.",
        tags=("setbacks",),
        mood=2,
        confidence=3,
        shared=True,
        prompt_set="after_bummer",
        prompt="What was outside your control here?",
        people=("patrick", "claire"),
    ),
    DemoEntry(
        21,
        17,
        "",
        "- **Ruth**, who pushed me towards the university study\n"
        "- **Mei Lin**, on a video call: her study needs schools, and I can help find some\n"
        '- **Patrick**, whose "not now" stung for about a day\n'
        "- **Nadia**, who sent me her interview guide template\n"
        "- **Tom**, on his birthday, asking how the interviews are going\n\n"
        "What stayed with me is how much people give when you're clearly doing the work. "
        "Nadia's template is far better than mine. I must send her something useful back.",
        tags=("weekly", "networking"),
        mood=3,
        confidence=4,
        shared=True,
        prompt_set="weekly_review",
        prompt="Who did you talk to this week, and what stayed with you?",
    ),
    DemoEntry(
        17,
        22,
        "",
        "Aisha introduced me to Harriet, head of product at Openfield, and Harriet has said "
        "she's glad to talk. I've drafted my reply three times and sent none of them.\n\n"
        "She hires people, which is why my stomach turns over. Realistically, the worst that "
        "could happen is a polite half hour where I ask an ordinary question and she goes "
        "back to her day. I could live with that. I've had that half hour before and "
        "learned something from it anyway.\n\n"
        "Reminder to self: this is about **learning**, not about a job. Read the post on "
        "teacher feedback loops, offer three times, press send.",
        tags=("nerves", "networking"),
        mood=3,
        confidence=2,
        prompt_set="before_event",
        prompt="What is the worst that could realistically happen, and could you live with it?",
        people=("harriet", "aisha"),
        conversation="harriet",
    ),
    DemoEntry(
        12,
        21,
        "Webinar and a breakout room",
        "Ingrid's webinar for the research network was full of things I can use straight "
        "away:\n\n"
        "- Keep sessions with pupils short\n"
        "- Always agree with the teacher beforehand what you will and won't watch\n\n"
        "In the breakout room I ended up with Yusuf, a product researcher at Openfield. He "
        "was happy to compare notes, so I'll ask him for half an hour. That's two people from "
        "Openfield in a week; it keeps coming up.",
        tags=("events", "networking", "ux"),
        mood=4,
        confidence=4,
        people=("ingrid", "yusuf"),
        event="Classroom studies in practice",
    ),
    DemoEntry(
        10,
        20,
        "A junior opening",
        "Elliot emailed: there may be a **junior researcher opening** at Pebble & Slate in "
        "the new year, and he'd like to see the survey write-up.\n\n"
        "I read it on the bus and missed my stop.\n\n"
        "Nothing is promised, and I know it. But this is the team whose work made me say "
        "*this is the job*, and the person who hires for it has asked to see my work. "
        "Send it within the week. Ask Lena to read it first.",
        tags=("wins", "portfolio"),
        mood=5,
        confidence=4,
    ),
    DemoEntry(
        9,
        21,
        "My why, third version",
        "Still true from the last version: *finding out how teachers and students really "
        "use the tools*. That line has survived every conversation since.\n\n"
        "What's changed is that I can now name it exactly: a **UX researcher** at an "
        "education technology company, with teachers and students in front of me every "
        "week.\n\n"
        "And there's a new reason I didn't have words for before. I want my work to reach "
        "more classrooms than my own. Teaching reaches thirty children at a time; a good "
        "finding can change a tool used by thousands.",
        tags=("why", "reflection"),
        mood=4,
        confidence=4,
        shared=True,
        prompt_set="revisit_why",
        prompt="Which words in your current why still ring true when you read it aloud?",
    ),
    DemoEntry(
        7,
        17,
        "Weekly review",
        "## This week\n\n"
        "Elliot's news, a new version of my why, and Yusuf said yes to a call.\n\n"
        "## What I gave\n\n"
        "Sent Lena an article on remote diary studies she'd been looking for. Put Mei Lin in "
        "touch with Helen about visiting Northfield for her study last week, too.\n\n"
        "## What I learned\n\n"
        "A few months ago I had a field. Now I can name the job, I have a portfolio piece "
        "and people who'd recognise my name.\n\n"
        "## One step for next week\n\n"
        "Send Elliot the survey write-up.",
        tags=("weekly", "wins"),
        mood=4,
        confidence=4,
        shared=True,
    ),
    DemoEntry(
        5,
        20,
        "Segun and research operations",
        "Too soon to tell, and I think that's the honest answer.\n\n"
        "Segun's work is close to research: booking schools and families, the consent and "
        "safeguarding paperwork, keeping the research library tidy. My school years would "
        "count for a lot there.\n\n"
        "But I'd be **arranging** the conversations rather than having them, and today "
        'that\'s the part I care about most. Not a no, more of a "not first choice".\n\n'
        "He's introduced me to Rosa at Openfield, who was a school librarian until two years "
        "ago. Thank-you to Segun first, then write to Rosa.",
        tags=("interviews",),
        mood=4,
        confidence=4,
        prompt_set="after_conversation",
        prompt="Does this work fit you, not fit you, or is it too soon to tell?",
        people=("segun",),
        conversation="segun",
    ),
    DemoEntry(
        3,
        19,
        "Ready to apply?",
        "Told Ruth about the Pebble & Slate opening over coffee. She didn't hesitate: "
        '*"You\'re ready. Apply when it opens."*\n\n'
        "I argued for a minute (no job title, one write-up, not even a finished portfolio), "
        "and she let me run out of reasons before pointing out that I'd just described "
        "exactly what Elliot asked for.\n\n"
        "Walked home feeling taller. First time I've believed it myself.",
        tags=("mentor", "wins"),
        mood=5,
        confidence=5,
        people=("ruth",),
    ),
    DemoEntry(
        1,
        21,
        "Tomasz",
        "The hardest part of his job is finding teachers who can spare an hour, and most of "
        "his studies end up after school or in the holidays. He'd value someone who knows how "
        "a school day really runs, which is the first time anyone has described my teaching "
        "years as a head start.\n\n"
        "In return, I'll send him the two articles on recruiting teachers for studies that he "
        "asked about, and mention the short-sessions tip from Ingrid's webinar.\n\n"
        "Charlotte's call is the day after tomorrow. Questions are ready.",
        tags=("interviews", "networking"),
        mood=4,
        confidence=4,
        prompt_set="after_conversation",
        prompt="What could you send them in return, however small?",
        people=("tomasz",),
        conversation="tomasz",
    ),
)
