"""Session 9, the 受付票 tells what was written (try10): whose bruise, whose role, a grown person's
worries, every contact caution and the latest way, bare answers (「電話」「19」), changes asked for
from the menu, 打つ of a person, appetite lost to grief, how long the trouble has lasted, and LINE's
5,000-character limit. Each test types the tester's words, with a few variants of our own."""

from __future__ import annotations

import pytest

from dialogs.effects import AddToCase
from dialogs.summary import build_summary, person_preview, summary_text
from dialogs.understanding.classifier import classify
from tests.dialogs.chat import Chat, already_sent, intake_answers, said, started

MOTHER = "28歳の息子のことで相談です。仕事をやめてから家で暴れるようになりました"


def sheet_of(*messages: str) -> Chat:
    """A conversation that typed `messages` and asked for a person (the consent screen is shown)."""
    chat = started(*messages, "担当の人に伝えたい")
    assert chat.state == "consent.review"
    return chat


def all_concerns(chat: Chat) -> list[str]:
    """Every concern on the sheet: the person's and the family member's own."""
    summary = build_summary(chat.data)
    own = (summary["asker_wellbeing"] or {}).get("concerns") or []
    return [*summary["concerns"], *own]


# ---------------------------------------------------------------- 1. the writer's own bruise


@pytest.mark.parametrize(
    "own",
    [
        "腕にあざができたくらいです",
        "私も叩かれることがあります。腕にあざができたくらいです",
        "息子に押されて、背中にあざができました",
    ],
)
def test_a_mothers_own_bruise_is_violence_toward_her_not_child_abuse(own: str) -> None:
    chat = sheet_of(MOTHER, own)
    sheet = summary_text(chat.data)
    assert "子どもへの暴力・虐待" not in sheet
    assert "violence" in all_concerns(chat)
    assert "childcare_education" not in all_concerns(chat)
    assert "子どもや学校" not in said(chat)


@pytest.mark.parametrize(
    "messages",
    [
        ("隣の家の小学生の子の腕にあざがあります",),
        ("8歳の娘のことです", "娘の腕にあざがありました"),
    ],
)
def test_a_childs_bruise_is_still_child_abuse(messages: tuple[str, ...]) -> None:
    assert "子どもへの暴力・虐待" in summary_text(sheet_of(*messages).data)


# ---------------------------------------------------------------- 2. asking about a place


@pytest.mark.parametrize(
    "asks",
    [
        "どこに相談したらいいのか、地域包括でしょうか",
        "地域包括ですか？",
        "包括でしょうか、それとも市役所ですか",
    ],
)
def test_asking_whether_to_go_to_a_place_is_not_being_its_staff(asks: str) -> None:
    chat = started("民生委員をしています。近所の一人暮らしの高齢の方のことで相談です", asks)
    assert build_summary(chat.data)["relation"] == "minsei"
    assert "地域包括支援センター" not in summary_text(chat.data)


def test_staff_of_the_place_who_say_so_are_its_staff() -> None:
    chat = started("地域包括です。担当している方の息子さんのことで相談です")
    assert build_summary(chat.data)["relation"] == "community_center"


# ---------------------------------------------------------------- 4. every clause of a contact caution

CAUTIONS = [
    (
        "家の電話にはかけないでください。来てもらうのも困ります",
        ("家の電話にはかけないでください", "来てもらうのも困ります"),
    ),
    (
        "自宅の電話にはかけないで。家に来られるのも困ります",
        ("自宅の電話にはかけないで", "家に来られるのも困ります"),
    ),
    ("家電はやめてください、訪問もちょっと困ります", ("家電はやめてください", "訪問もちょっと困ります")),
]


def at_contact_question() -> Chat:
    """A parent asked how to be contacted (after asking to change it on the consent screen)."""
    chat = sheet_of("息子が10年ひきこもっています")
    chat.tap("内容を直す")
    chat.tap("連絡方法")
    assert chat.state == "intake.ask_contact"
    return chat


@pytest.mark.parametrize(("typed", "clauses"), CAUTIONS)
def test_each_clause_typed_at_the_contact_question_is_the_contact_answer(
    typed: str, clauses: tuple[str, ...]
) -> None:
    chat = at_contact_question()
    chat.send(typed)
    assert chat.state == "consent.review"
    summary = build_summary(chat.data)
    assert summary["urgency"] == "normal"
    assert "contact" not in summary["unanswered"]
    line = next(line for line in summary_text(chat.data).splitlines() if line.startswith("連絡方法"))
    assert all(clause in line for clause in clauses), line


@pytest.mark.parametrize(("typed", "clauses"), CAUTIONS)
def test_each_clause_typed_in_the_story_is_kept_as_a_caution(typed: str, clauses: tuple[str, ...]) -> None:
    chat = sheet_of("息子が10年ひきこもっています", typed)
    summary = build_summary(chat.data)
    assert summary["urgency"] == "normal"
    assert all(clause in str(summary["considerations"]) for clause in clauses)


# ---------------------------------------------------------------- 5. a bare way of contact


@pytest.mark.parametrize("typed", ["電話", "電話がいい", "電話で", "電話でお願いします"])
def test_a_bare_way_of_contact_typed_on_the_menu_is_taken(typed: str) -> None:
    chat = started("息子が10年ひきこもっています", typed)
    assert intake_answers(chat)["contact"]["choice"] == "phone"


@pytest.mark.parametrize(("typed", "way"), [("電話", "phone"), ("電話で", "phone"), ("メールで", "email")])
def test_a_bare_way_of_contact_after_sending_reaches_the_case(typed: str, way: str) -> None:
    chat = already_sent("息子が10年ひきこもっています", "担当の人に伝えたい")
    chat.send(typed)
    [added] = [e for e in chat.effects if isinstance(e, AddToCase)]
    assert added.summary is not None and added.summary["contact"] == way


@pytest.mark.parametrize("typed", ["電話？", "電話番号", "電話がこわい"])
def test_a_phone_named_otherwise_is_no_way_of_contact(typed: str) -> None:
    chat = started("息子が10年ひきこもっています", typed)
    assert intake_answers(chat).get("contact", {}).get("choice") != "phone"


# ---------------------------------------------------------------- 8. the latest way everywhere


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("連絡は電話で、平日の午後なら出られます", "電話ではなくLINEで"),
        ("電話でお願いします。夕方なら電話に出られます", "やっぱり電話じゃなくてLINEでお願いします"),
    ],
)
def test_a_later_way_of_contact_leaves_no_quote_of_the_earlier_one(earlier: str, later: str) -> None:
    chat = sheet_of("息子が10年ひきこもっています", "連絡はLINEで", earlier, later)
    summary = build_summary(chat.data)
    assert summary["contact"] == "line"
    line = next(line for line in summary_text(chat.data).splitlines() if line.startswith("連絡方法"))
    assert "電話" not in line, line
    assert summary["contact_times"] is not None
    preview = person_preview(chat.data)
    assert not any("電話" in row for row in preview.splitlines() if row.startswith("・連絡"))


# ---------------------------------------------------------------- 3. a grown person's worries


@pytest.mark.parametrize(
    "messages",
    [
        ("42歳の息子が高校を中退してからずっと家にいます",),
        ("息子のことで相談です。高校を中退してから家にいます", "息子は42歳です"),
        ("成人した娘が学校の頃のいじめから家を出られません",),
        ("40代の息子が勉強もせずゲームばかりしています",),
    ],
)
def test_a_grown_persons_worries_are_not_child_or_education(messages: tuple[str, ...]) -> None:
    assert "childcare_education" not in all_concerns(sheet_of(*messages))


@pytest.mark.parametrize(
    "messages",
    [("中2の息子が学校に行けていません",), ("42歳の父親です。小学生の娘が学校に行きたがりません",)],
)
def test_a_childs_schooling_is_still_child_and_education(messages: tuple[str, ...]) -> None:
    assert "childcare_education" in all_concerns(sheet_of(*messages))


# ---------------------------------------------------------------- 6. a bare age at the end


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        ("大学やめてバイトもへった 19", "18_39"),
        ("仕事クビになった。家賃やばい 34", "18_39"),
        ("もう働けない、58", "40_64"),
    ],
)
def test_a_bare_number_ending_a_writers_message_is_their_age(typed: str, band: str) -> None:
    chat = started(typed)
    assert intake_answers(chat)["age_band"]["choice"] == band


@pytest.mark.parametrize(
    "typed", ["息子が家から出ない 19", "家賃が払えない。残り 19", "バイト代が減った。時給 10"]
)
def test_a_number_ending_a_message_that_is_no_writers_age_is_not_taken(typed: str) -> None:
    chat = started(typed)
    assert "age_band" not in intake_answers(chat)


# ---------------------------------------------------------------- 7. changing a named field from the menu


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("年齢を直したい", "intake.ask_age_band"),
        ("年齢を変えたいです", "intake.ask_age_band"),
        ("年齢を間違えた", "intake.ask_age_band"),
        ("歳を訂正したい", "intake.ask_age_band"),
        ("地区を間違えました", "intake.ask_district"),
        ("連絡方法を変えたい", "intake.ask_contact"),
    ],
)
def test_a_change_naming_a_field_typed_on_the_menu_asks_that_question(typed: str, question: str) -> None:
    chat = started("母が62歳で、最近ずっと家にいます", "62じゃなくて67")
    chat.send(typed)
    assert chat.state == question
    assert "うまく受け取れなかった" not in said(chat)


@pytest.mark.parametrize("typed", ["年齢を間違えた", "年齢を変えたいです", "歳を訂正したい"])
def test_a_change_naming_the_age_on_the_consent_screen_asks_the_age(typed: str) -> None:
    chat = sheet_of("母が62歳で、最近ずっと家にいます")
    chat.send(typed)
    assert chat.state == "intake.ask_age_band"


def test_a_corrected_number_replaces_the_age() -> None:
    chat = started("母が62歳で、最近ずっと家にいます", "62じゃなくて67")
    assert intake_answers(chat)["age_band"]["choice"] == "65_plus"


def test_the_age_typed_after_asking_to_change_it_from_the_menu_is_kept() -> None:
    chat = started("母が62歳で、最近ずっと家にいます", "年齢を直したい")
    chat.send("67歳です")
    assert build_summary(chat.data)["age_band"] == "65_plus"


@pytest.mark.parametrize("typed", ["仕事を変えたい、30歳です", "息子は42歳です。間違えて家の鍵を捨てた"])
def test_a_story_naming_an_age_and_a_change_is_no_edit(typed: str) -> None:
    chat = started("息子が10年ひきこもっています", typed)
    assert chat.state not in ("intake.ask_age_band", "intake.ask_duration")


# ---------------------------------------------------------------- 9. 打つ of a person

STRUCK = [
    "夫が息子の顔を平手で打った。私がいなくなったほうが…",
    "夫が息子をぶった",
    "主人が娘の頬をはたいた",
    "父にひっぱたかれました",
]


@pytest.mark.parametrize("typed", STRUCK)
def test_striking_a_person_is_read_as_violence_by_the_rules(typed: str) -> None:
    assert "violence" in classify(typed, rules_only=True).concerns


@pytest.mark.parametrize("typed", STRUCK)
def test_striking_a_person_is_violence_on_the_sheet(typed: str) -> None:
    chat = sheet_of(typed)
    assert "violence" in all_concerns(chat)
    assert "暴力（DV・虐待・家庭内暴力）" in summary_text(chat.data)


@pytest.mark.parametrize(
    "typed",
    [
        "転んで頭を打ってしまいました",
        "メールを打つのが苦手です",
        "病院で点滴を打ってもらいました",
        "息子はバッティングセンターでボールを打つのが好きです",
    ],
)
def test_striking_no_person_is_no_violence(typed: str) -> None:
    assert "violence" not in classify(typed, rules_only=True).concerns


@pytest.mark.parametrize(("typed", "hurt"), [("夫が息子をぶった", "child"), ("父に打たれました", "self")])
def test_who_struck_whom_is_on_the_sheet(typed: str, hurt: str) -> None:
    violence = build_summary(sheet_of(typed).data)["violence"]
    assert violence is not None and hurt in violence["hurt"]


# ---------------------------------------------------------------- 11. appetite lost to grief

GRIEF = "去年の秋に息子を亡くしました。何もする気が起きません"


@pytest.mark.parametrize(
    "typed",
    [
        "ごはんもあまり食べてない",
        "食欲がなくて、ごはんもあまり食べていません",
        "悲しくてごはんが喉を通りません",
    ],
)
def test_not_eating_in_grief_is_a_worry_of_mood_not_an_empty_table(typed: str) -> None:
    chat = started(GRIEF, typed)
    assert "フードバンク" not in said(chat) and "食べるもの" not in said(chat)
    chat.send("担当の人に伝えたい")
    summary = build_summary(chat.data)
    assert summary["urgency"] == "normal"
    assert "mental_health" in all_concerns(chat) and "economic" not in all_concerns(chat)


@pytest.mark.parametrize("typed", ["お金がなくて、ごはんもあまり食べてない", "もう3日何も食べてない"])
def test_eating_little_for_want_of_money_is_still_urgent(typed: str) -> None:
    chat = sheet_of(GRIEF, typed)
    assert build_summary(chat.data)["urgency"] == "urgent"


# ---------------------------------------------------------------- 10. how long the trouble has lasted


@pytest.mark.parametrize(
    ("typed", "duration"),
    [
        ("昔、元夫からDVを受けていました。離婚して5年です", None),
        ("結婚して10年になりますが、最近夫の借金が分かりました", None),
        ("5年前から働いていたが先月辞めた", "under_6m"),
        ("勤めて8年の会社を先週クビになりました", "under_6m"),
        ("仕事を辞めて5年、家から出ていません", "3y_10y"),
    ],
)
def test_the_duration_is_how_long_the_trouble_lasts(typed: str, duration: str | None) -> None:
    chat = started(typed)
    assert intake_answers(chat).get("duration", {}).get("choice") == duration


# ---------------------------------------------------------------- 12. LINE's 5,000 characters

LONG = ("息子は毎日部屋で過ごしていて、夜になると少しだけ台所に来ます。" * 160)[:4900]


@pytest.mark.parametrize(
    ("field", "key"),
    [
        ("続柄・関係", "relation"),
        ("続いている期間", "duration"),
        ("ご相談の内容", "concerns"),
        ("ご希望", "hopes"),
        ("連絡の時間帯", "contact_times"),
        ("気をつけてほしいこと", "considerations"),
    ],
)
def test_a_4900_character_answer_is_shown_within_lines_limit_and_kept_whole(field: str, key: str) -> None:
    chat = sheet_of("兄のことで相談です。兄は45歳で10年家にいます")
    chat.tap("内容を直す")
    chat.tap(field)
    chat.send(LONG)  # every message the bot sends is checked against LINE's limits (tests/dialogs/chat.py)
    if chat.state != "consent.review":
        chat.tap("選び終わった")
    assert chat.state == "consent.review"
    assert intake_answers(chat)[key]["words"] == LONG
    assert LONG in summary_text(chat.data), "the CSW reads the whole answer"


def test_many_long_messages_are_shown_within_lines_limit_and_kept_whole() -> None:
    chat = sheet_of(*(f"{i}つめ。{LONG}"[:4900] for i in range(4)))
    assert all(f"{i}つめ。" in summary_text(chat.data) for i in range(4))
    chat.tap("この内容だけ送る")
    chat.send("送った内容を見せて")


def test_a_long_preview_kept_from_before_is_shown_in_pieces_within_lines_limit() -> None:
    chat = already_sent("兄のことで相談です。兄は45歳で10年家にいます", "担当の人に伝えたい")
    chat.data["handoff"]["preview"] = "\n".join([LONG, LONG])  # sent before previews were bounded
    chat.send("送った内容を見せて")  # the chat checks LINE's limits on every message
    shown = "".join(said(chat).split())
    assert LONG in shown and shown.count(LONG) == 2
