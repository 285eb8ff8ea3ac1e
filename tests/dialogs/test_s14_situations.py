"""Session 14, the try-out's leftovers: situations the dialog misread at night.

1. A young person's first message from outside at night, the age not known (「いまコンビニにいる。家かえ
   れない」) got the grown-up's emergency bed alone. Now a home shut to the writer tonight (家かえれない,
   家に入れてもらえない, 締め出された) with the age unknown gets 189 and the children's lines beside
   tonight's bed, the age asked gently — and, in a store, to stay in the lit store.

2. 「けいさつよばれたらかあさんおこる。どうしたらいい」 got a list of windows. Now the worry is answered
   first and kindly (being safe comes first, calling for help gets no one into trouble, 189 and a
   trusted adult), then the children's lines; in kana, Kansai and standard words.

3. 「いまはかれしのいえいるからねるとこはある」 left 今夜の寝る場所がない on the 受付票. Now a place to sleep
   tonight told afterwards puts the writer's words in its place, and the case is no longer urgent when
   nothing else made it so; a question (「ねるとこある？」) is not this.

4. 「彼氏にスマホ見られてる」「携帯チェックされる」: now a note on the 受付票's 配慮 (how to reach her
   safely), with the daytime when she says it is safe then (「昼間なら連絡できる」), now or later.

5. 「ちがうちがう、包丁持っとるのは弟だって」 after a reply that read the writer as the one with the knife:
   now the correction is owned and taken — the writer is the one threatened (get away from him, do not
   take it or talk him down, 110), and the 受付票 names the brother as the one who hurts.

6. 「ちがう、怒鳴られるだけ」 after 「母に殴られる」 left 暴力 and a danger to life on the 受付票 and got
   the DV lines: now the correction is owned in her words, the 暴力 concern comes off (家族関係 stays),
   the urgency comes down with her words as the reason; a partner's shouting keeps the DV line (DV
   includes words) and the concern, the danger down to urgent.

7. The cold at night: 「電気止められた。今夜さむい」 gave 119 twice in one reply (the utilities guidance's
   line and the cold answer's), and a second 「さむい。こごえる」 got the fallback, or, in the car, the same
   warm-place answer again. Now one cold answer (`answer_cold`) for both colds: 119 once, and the cold
   said again the same night gets a follow-up (can you get there, what stands in the way), then one line.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, said, started

SATURDAY_2AM = datetime(2026, 12, 5, 2, 5, tzinfo=TOKYO)
OFFER = catalog.text("urgent.offer").strip()


def said_again(first: str, reply: str) -> set[str]:
    """The lines of `reply` that were in `first` already (the offer of a person aside)."""
    return set(first.splitlines()) & set(reply.splitlines()) - {"", OFFER}


# ---------------------------------------------------------------- 1. out at night, the age not known

CHILD_SOS = "0120-0-78310"

SHUT_OUT_FIRST = (
    "いまコンビニにいる。家かえれない",
    "夜中だけど家に入れてもらえない",
    "家に帰れない。今夜どうしよう",
    "いえにいれてもらえん。そとにおる",
    "母に締め出された。外にいる",
    "今夜は家に帰れません。どこで寝ればいいですか",
    "ファミマにいる。うちかえりたくない。こんやどうしよ",
)


@pytest.mark.parametrize("words", SHUT_OUT_FIRST)
def test_shut_out_at_night_age_unknown_is_never_the_grown_ups_answer_alone(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "189" in reply and CHILD_SOS in reply, reply
    assert "住居確保給付金" not in reply, reply


def test_in_a_store_the_age_is_asked_and_the_store_comes_first() -> None:
    reply = said(started(SHUT_OUT_FIRST[0], now=SATURDAY_2AM))
    assert "年齢" in reply and "お店の中" in reply, reply
    assert reply.index("お店の中") < reply.index("189")


def test_shut_out_said_again_gets_the_short_answer_with_189() -> None:
    chat = started(SHUT_OUT_FIRST[0], now=SATURDAY_2AM)
    chat.send("どこでねればいいの")
    reply = said(chat)
    assert "189" in reply and len(reply) < len(said(started(SHUT_OUT_FIRST[0], now=SATURDAY_2AM)))


@pytest.mark.parametrize(
    "words",
    (
        "35歳です。家に帰れない。今夜寝るところがない",  # a grown-up: the bed, not 189
        "40代の男です。コンビニにいる。今夜は家に帰れない",
    ),
)
def test_a_grown_up_shut_out_gets_the_bed(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "夜間・休日受付" in reply and CHILD_SOS not in reply, reply


@pytest.mark.parametrize(
    "words",
    ("終電逃して家に帰れない", "仕事が忙しくて家に帰れない", "残業で今夜は家に帰れない"),
)
def test_a_missed_train_or_work_is_not_a_night_shut_out(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "189" not in reply and "一時生活支援" not in reply, reply


def test_a_child_known_to_be_15_gets_the_childs_store_answer() -> None:
    chat = started("おれ15なんだけど", now=SATURDAY_2AM)
    chat.send("いまコンビニにいる。家かえれない")
    reply = said(chat)
    assert "店員" in reply and "189" in reply and "一時生活支援" not in reply, reply


# ---------------------------------------------------------------- 2. the police would get a parent angry

POLICE_WORRY = (
    "けいさつよばれたらかあさんおこる。どうしたらいい",
    "けーさつ呼ばれたらおかんキレるし、どないしよ",
    "警察を呼ばれたら母が怒ると思います。どうしたらいいですか",
    "けいさつにいったらとうさんつかまっちゃう？",
    "110したら親にめっちゃ怒られる",
)


@pytest.mark.parametrize("words", POLICE_WORRY)
def test_a_childs_worry_about_the_police_is_answered_first_and_kindly(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert reply.index("あんぜん") < reply.index("189"), reply  # the worry before the lines
    assert "悪いことではありません" in reply and "信じられる大人" in reply, reply
    assert CHILD_SOS in reply
    assert "くらしサポートセンター" not in reply and "配慮" not in reply, reply


def test_the_worry_after_being_hit_is_answered_not_the_windows() -> None:
    chat = started("おとうさんにたたかれた", now=SATURDAY_2AM)
    chat.send(POLICE_WORRY[0])
    reply = said(chat)
    assert "助けをよぶのは" in reply and "保健所" not in reply, reply


def test_the_parent_is_named_back_as_the_child_named_them() -> None:
    assert said(started(POLICE_WORRY[0], now=SATURDAY_2AM)).startswith("お母さん")
    assert said(started(POLICE_WORRY[3], now=SATURDAY_2AM)).startswith("お父さん")


def test_the_worry_stays_on_the_draft() -> None:
    chat = started(POLICE_WORRY[0], now=SATURDAY_2AM)
    heard = " ".join(item["words"] for item in chat.data["intake"]["heard"])
    assert "けいさつよばれたら" in heard


@pytest.mark.parametrize(
    "words",
    (
        "警察に相談したら怒られますか",  # no parent: not a child's worry
        "35歳です。警察に言ったら母が怒る",  # a grown-up
        "警察呼んだら夫が怒る",  # a partner: not this answer
        "母が警察に行った",  # no trouble feared
        "お父さんは警察官です",
    ),
)
def test_other_police_words_are_not_the_childs_worry(words: str) -> None:
    assert "助けをよぶのは" not in said(started(words, now=SATURDAY_2AM))


# ---------------------------------------------------------------- 3. a bed tonight after all

NO_BED = "家がない。今夜寝るところがない"
NO_BED_REASON = "今夜の寝る場所がない"


@pytest.mark.parametrize(
    "words",
    (
        "いまはかれしのいえいるからねるとこはある",
        "友達が泊めてくれることになった",
        "今夜は実家に泊めてもらえることになりました",
        "いまは彼氏の家におるけん、寝るとこはある",
        "今日はなんとかなる。ネカフェ代もらった",
    ),
)
def test_a_bed_tonight_told_afterwards_takes_no_bed_off_the_sheet(words: str) -> None:
    chat = started(NO_BED, now=SATURDAY_2AM)
    assert NO_BED_REASON in summary_text(chat.data)
    chat.send(words)
    sheet = summary_text(chat.data)
    urgency_line = next(line for line in sheet.splitlines() if line.startswith("緊急度"))
    assert NO_BED_REASON + "、" not in urgency_line and "急ぎ" not in urgency_line, urgency_line
    assert words[:10] in urgency_line, urgency_line
    assert "住まい" in sheet  # the housing worry stays
    assert "寝る場所がある" in said(chat)


def test_a_bed_tonight_leaves_another_urgent_reason_standing() -> None:
    chat = started("家がない。今夜寝るところがない。食べるものもない", now=SATURDAY_2AM)
    chat.send("友達が泊めてくれることになった")
    urgency_line = next(line for line in summary_text(chat.data).splitlines() if line.startswith("緊急度"))
    assert "急ぎ" in urgency_line and "食べるもの" in urgency_line, urgency_line
    assert "友達が泊めてくれる" in urgency_line


@pytest.mark.parametrize("words", ("ねるとこある？", "泊めてもらえるところありますか", "さむい"))
def test_a_question_or_other_words_leave_no_bed_on_the_sheet(words: str) -> None:
    chat = started(NO_BED, now=SATURDAY_2AM)
    chat.send(words)
    assert NO_BED_REASON in summary_text(chat.data)


def test_the_bed_lost_again_gets_the_whole_answer_again() -> None:
    chat = started(NO_BED, "友達が泊めてくれることになった", now=SATURDAY_2AM)
    chat.send("やっぱり友達の家追い出された。今夜寝るところがない")
    reply = said(chat)
    assert "夜間・休日受付" in reply, reply
    assert NO_BED_REASON in summary_text(chat.data)


# ---------------------------------------------------------------- 4. the phone read by a partner

PHONE_NOTE = "スマホ・携帯を相手に見られている"


def considerations_line(chat_data: dict[str, object]) -> str:
    sheet = summary_text(chat_data)
    return next((line for line in sheet.splitlines() if line.startswith("配慮してほしいこと")), "")


@pytest.mark.parametrize(
    "words",
    (
        "彼氏にスマホ見られてる",
        "携帯チェックされる",
        "かれしにけいたいちぇっくされる",
        "旦那が毎晩スマホをチェックしてくる",
        "LINE勝手に見られるんよ",
        "my boyfriend checks my phone",
    ),
)
def test_a_phone_read_by_someone_is_a_consideration(words: str) -> None:
    chat = started("彼氏に殴られる", now=SATURDAY_2AM)
    chat.send(words)
    assert PHONE_NOTE in considerations_line(chat.data), summary_text(chat.data)


def test_the_daytime_said_with_it_is_on_the_note() -> None:
    chat = started("彼氏に殴られる", now=SATURDAY_2AM)
    chat.send("携帯チェックされる。昼間なら連絡できる")
    line = considerations_line(chat.data)
    assert PHONE_NOTE in line and "日中" in line, line


def test_the_daytime_said_later_changes_the_note() -> None:
    chat = started("彼氏にスマホ見られてる", now=SATURDAY_2AM)
    assert "日中" not in considerations_line(chat.data)
    chat.send("昼間なら連絡できる")
    line = considerations_line(chat.data)
    assert "日中" in line and line.count(PHONE_NOTE) == 1, line


@pytest.mark.parametrize(
    "words",
    (
        "スマホ見られたらどうなる？",
        "スマホの画面が割れた",
        "携帯の料金が払えない",
        "彼氏が携帯ばっかり見てる",
    ),
)
def test_other_phone_words_are_not_the_note(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    assert PHONE_NOTE not in considerations_line(chat.data)


# ---------------------------------------------------------------- 5. who holds the knife, corrected

HOLDER_CORRECTED = (
    "ちがうちがう、包丁持っとるのは弟だって",
    "違う、包丁を持ってるのは兄です",
    "いや、ナイフ持ってるのはお父さん",
    "包丁持ってるのは弟なんだって",
)


@pytest.mark.parametrize("first", ("包丁ずっと見てる", "弟があばれてる。包丁もってる", "包丁持ってる"))
@pytest.mark.parametrize("correction", HOLDER_CORRECTED)
def test_a_correction_of_who_holds_the_knife_gets_the_threatened_persons_reply(
    first: str, correction: str
) -> None:
    chat = started(first, now=SATURDAY_2AM)
    chat.send(correction)
    reply = said(chat)
    assert "ごめんなさい" in reply and "離れて" in reply and "110" in reply, reply
    assert "しまってください" not in reply and "死にたいと思う" not in reply, reply
    assert "説得したりしないで" in reply
    sheet = summary_text(chat.data)
    assert "暴力を受けている人：相談者" in sheet, sheet


def test_the_brother_is_named_as_the_one_with_the_knife() -> None:
    chat = started("包丁ずっと見てる", HOLDER_CORRECTED[0], now=SATURDAY_2AM)
    sheet = summary_text(chat.data)
    assert "暴力をふるっている人：きょうだい" in sheet and "弟さん" in sheet, sheet
    assert said(chat).startswith("弟さんが包丁を持っている")


@pytest.mark.parametrize(
    "words",
    ("弟が包丁持ってる", "包丁持ってるのは弟だけど料理してるだけ"),
)
def test_without_a_reply_before_it_is_not_a_correction(words: str) -> None:
    chat = started(words, now=SATURDAY_2AM)
    assert "取り違えて" not in said(chat)


# ---------------------------------------------------------------- 6. shouted at only, corrected

SHOUTED_ONLY = (
    "ちがう、怒鳴られるだけ",
    "ちゃう、どなられるだけや",
    "いえ、怒鳴られるだけです",
    "どなられるだけ。たたかれてはない",
)


@pytest.mark.parametrize("correction", SHOUTED_ONLY)
def test_shouted_at_only_is_taken_as_she_put_it(correction: str) -> None:
    chat = started("母に殴られる", now=SATURDAY_2AM)
    chat.send(correction)
    reply = said(chat)
    assert "取り違えて" in reply and "怒鳴られる" in reply, reply
    assert "DV相談" not in reply, reply
    sheet = summary_text(chat.data)
    assert "暴力（DV" not in sheet and "危機" not in sheet, sheet
    assert "暴力をふるっている人" not in sheet, sheet
    assert "家族関係" in sheet and correction.rstrip("。") in sheet, sheet


def test_a_partners_shouting_keeps_the_dv_line_and_the_concern() -> None:
    chat = started("彼氏に殴られる", now=SATURDAY_2AM)
    chat.send("いや、どなられるだけ")
    reply = said(chat)
    assert "取り違えて" in reply and "DV相談" in reply, reply
    sheet = summary_text(chat.data)
    assert "暴力（DV" in sheet and "危機" not in sheet and "急ぎ" in sheet, sheet


@pytest.mark.parametrize(
    "words",
    (
        "怒鳴られるし、殴られる",  # both: no correction
        "ちがう、殴られるだけじゃなくて怒鳴られる",
        "母に怒鳴られるだけ",  # nothing told before to correct
    ),
)
def test_shouting_with_hitting_or_with_nothing_before_is_not_the_correction(words: str) -> None:
    chat = started("母に殴られる", now=SATURDAY_2AM) if "ちがう" in words or "し、" in words else started()
    chat.send(words)
    assert "取り違えて" not in said(chat)


# ---------------------------------------------------------------- 7. the cold at night

POWER_AND_COLD = (
    "電気止められた。今夜さむい",
    "でんきとめられた。こんやさむい",
    "電気止められて、今夜さむいし子どもらが心配",
    "電気ないけん寒か",
)


@pytest.mark.parametrize("words", POWER_AND_COLD)
def test_cold_with_the_power_cut_tells_119_once(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "一酸化炭素" in reply, reply
    assert reply.count("119") == 1, reply


def test_cold_after_the_power_cut_tells_119_once() -> None:
    chat = started("今夜電気止められる", now=SATURDAY_2AM)
    chat.send("今夜さむいし子どもらが心配")
    reply = said(chat)
    assert "一酸化炭素" in reply and reply.count("119") == 1, reply


@pytest.mark.parametrize("again", ("さむい。こごえる", "まだ寒い", "さむくて眠れない", "寒いです"))
def test_the_cold_again_after_the_power_cut_gets_a_follow_up_not_the_fallback(again: str) -> None:
    chat = started("電気止められた。今夜さむい", now=SATURDAY_2AM)
    first = said(chat)
    chat.send(again)
    reply = said(chat)
    assert "うまくお答えできない" not in reply, reply
    assert "体の具合" in reply, reply  # asked how they are now
    assert not said_again(first, reply), reply  # nothing said again
    assert reply.count("119") == 1


@pytest.mark.parametrize("again", ("さむい。こごえそう", "まださむい", "寒すぎる", "しばれる"))
def test_the_cold_again_in_the_car_gets_a_follow_up_not_the_same_answer(again: str) -> None:
    chat = started("寒い。エンジン切ったら凍える。ガスもたない", now=SATURDAY_2AM)
    first = said(chat)
    chat.send(again)
    reply = said(chat)
    assert "行けそう" in reply, reply  # can you get there
    assert "マフラー" not in reply, reply
    assert not said_again(first, reply), reply


def test_a_third_cold_message_gets_one_line() -> None:
    chat = started("寒い。エンジン切ったら凍える。ガスもたない", "さむい。こごえそう", now=SATURDAY_2AM)
    follow_up = said(chat)
    chat.send("さむい")
    reply = said(chat)
    assert reply != follow_up and "行けそう" not in reply
    assert len(reply.splitlines()) <= 2, reply


def test_a_warm_place_asked_after_the_follow_up_gets_the_places() -> None:
    chat = started("寒い。エンジン切ったら凍える。ガスもたない", "さむい。こごえそう", now=SATURDAY_2AM)
    chat.send("あったかいとこない？")
    reply = said(chat)
    assert "24時間" in reply and "交番" in reply


@pytest.mark.parametrize("words", ("さむい", "寒いです"))
def test_cold_with_no_cold_night_before_is_not_a_follow_up(words: str) -> None:
    reply = said(started(words, now=SATURDAY_2AM))
    assert "まだ寒い" not in reply and "一酸化炭素" not in reply


def test_the_cold_the_next_evening_is_a_new_night() -> None:
    chat = started("電気止められた。今夜さむい", now=SATURDAY_2AM)
    chat.wait(18 * 60)
    chat.send("電気止められたまま。今夜もさむい")
    reply = said(chat)
    assert "まだ寒い" not in reply
