"""Try-out 6 (t1): emergencies told by someone else, a child given no food, a grown son raging at home,
and a court's payment demand.

Each test drives the real engine with the real reading, in the person's own words from the try-out
and in one new wording, so that what is fixed is the pattern, not the sentence.
"""

from __future__ import annotations

from datetime import datetime

from dialogs.understanding.classifier import classify
from tests.dialogs.chat import TOKYO, Chat, said, started

THURSDAY_NIGHT = datetime(2026, 12, 3, 23, 50, tzinfo=TOKYO)
TUESDAY_MORNING = datetime(2026, 12, 1, 10, 20, tzinfo=TOKYO)
TUESDAY_EVENING = datetime(2026, 12, 1, 20, 40, tzinfo=TOKYO)
WEDNESDAY_2AM = datetime(2026, 12, 2, 2, 10, tzinfo=TOKYO)
MONDAY_NIGHT = datetime(2026, 11, 30, 21, 0, tzinfo=TOKYO)
MONDAY_LATE = datetime(2026, 11, 30, 22, 30, tzinfo=TOKYO)


def urgency(chat: Chat) -> dict[str, object]:
    stored: dict[str, object] = chat.data.get("urgency", {})
    return stored


# ---------------------------------------------------------------- 1. whether to call an ambulance


def test_a_sister_asking_whether_to_call_an_ambulance_is_told_yes_call_119_now() -> None:
    chat = started(
        "兄が薬をたくさん飲んだみたいです",
        "部屋で寝てて、呼んでも起きません",
        "何錠飲んだかはわかりません。空のシートがたくさんある",
        now=THURSDAY_NIGHT,
    )
    chat.send("救急車呼んだほうがいいですか")
    reply = said(chat)
    assert reply.startswith("はい")
    assert "いますぐ119" in reply
    assert "よかった" not in reply and "待っているあいだ" not in reply  # not thanked as if already called
    assert "横向き" in reply and "シート" in reply  # what to do and what to tell them


def test_asking_in_other_words_whether_to_call_is_told_yes_too() -> None:
    chat = started("母が睡眠薬を大量に飲んだみたい", "ぐったりしてる", now=THURSDAY_NIGHT)
    chat.send("119したほうがいい？")
    reply = said(chat)
    assert reply.startswith("はい") and "いますぐ119" in reply
    assert "よかった" not in reply


def test_the_whole_situation_in_one_line_gets_119_first_not_the_reply_for_thoughts_of_dying() -> None:
    chat = started(
        "兄が薬をたくさん飲んで、呼んでも起きません。救急車呼んだほうがいいですか", now=THURSDAY_NIGHT
    )
    reply = said(chat)
    assert reply.startswith("はい") and "いますぐ119" in reply
    assert "あなたのことを心配" not in reply


def test_words_after_the_answer_are_not_taken_for_the_question_again() -> None:
    chat = started("兄が薬をたくさん飲んだみたいです", "救急車呼んだほうがいいですか", now=THURSDAY_NIGHT)
    chat.send("兄に怒られそう")
    reply = said(chat)
    assert not reply.startswith("はい") and "119" in reply


def test_having_called_still_gets_what_to_tell_them() -> None:
    chat = started("兄が薬をたくさん飲んだみたいです", now=THURSDAY_NIGHT)
    chat.send("救急車呼びました")
    assert "救急の人や病院には" in said(chat)


# ---------------------------------------------------------------- 2. an old man unseen, no answer at the door


def test_a_minsei_iin_whose_neighbour_does_not_answer_is_told_to_call_110_or_119_now() -> None:
    chat = started(
        "民生委員をしている者です",
        "担当地区の一人暮らしの高齢男性を1週間ほど見かけていません",
        "80代で、郵便受けに新聞がたまっています",
        now=TUESDAY_MORNING,
    )
    chat.send("インターホンを押しても応答がありません")
    reply = said(chat)
    assert "110" in reply and "119" in reply and "安否確認" in reply
    assert "あなたのことを心配" not in reply
    assert urgency(chat).get("level") == "crisis"
    chat.send("警察に連絡したほうがいいですか")
    reply = said(chat)
    assert reply.startswith("はい") and "110" in reply
    assert "うまく受け取れなかった" not in reply


def test_asking_for_a_call_back_after_the_welfare_check_reply_starts_the_hand_off() -> None:
    chat = started(
        "担当地区の一人暮らしの高齢男性を1週間ほど見かけていません",
        "インターホンを押しても応答がありません",
        now=TUESDAY_MORNING,
    )
    chat.send("担当の方から折り返しをお願いできますか")
    assert chat.state == "consent.review", chat.state


def test_a_neighbour_unseen_for_days_in_other_words_is_a_welfare_check_now() -> None:
    chat = started("隣に住んでいるおばあさんを4日ほど見ていません。ひとり暮らしです", now=TUESDAY_MORNING)
    chat.send("チャイムを鳴らしても出てこないし、電気もついたままです")
    reply = said(chat)
    assert "110" in reply and "安否確認" in reply
    assert urgency(chat).get("level") == "crisis"


def test_a_withdrawn_son_not_coming_to_the_door_is_not_a_welfare_check() -> None:
    for text in (
        "うちの子はインターホンが鳴っても出てこない",
        "息子の部屋をノックしても返事がありません",
        "宅配の人がチャイムを鳴らしても出てこないんです",
    ):
        assert "unseen" not in classify(text).crisis_kinds, text


def test_may_be_collapsed_inside_gets_119() -> None:
    chat = started("一人暮らしの高齢の男性と連絡がとれません", now=TUESDAY_MORNING)
    chat.send("家の中で倒れているかもしれません")
    reply = said(chat)
    assert "119" in reply and "110" in reply
    assert urgency(chat).get("level") == "crisis"


# ---------------------------------------------------------------- 3. someone else's 「死にたい」

SON_HEARD = (
    "先月、息子の部屋の前を通ったときに、中から「もう死にたい」と独り言のように言っているのが聞こえました。"
    "それ以来、気になって夜中に何度も様子を見に行ってしまいます。"
)


def test_a_mother_who_heard_her_son_say_he_wants_to_die_is_answered_as_his_mother() -> None:
    chat = started("34歳の息子が12年ほど家から出ません。" + SON_HEARD, now=MONDAY_LATE)
    reply = said(chat)
    assert "あなたのことを心配しています" not in reply
    assert "息子さん" in reply
    assert "精神保健福祉センター" in reply or "保健所" in reply
    assert "119" in reply
    assert urgency(chat).get("level") == "crisis"


def test_her_own_i_am_fine_is_heard_and_sending_is_started_when_asked() -> None:
    chat = started("34歳の息子が12年ほど家から出ません。" + SON_HEARD, now=MONDAY_LATE)
    chat.send("息子のことです。私は大丈夫です")
    reply = said(chat)
    assert "そう書きたくなるくらい" not in reply
    assert "息子さん" in reply
    chat.send("担当の人に送ってください")
    assert chat.state == "consent.review", chat.state


def test_a_sister_whose_brother_long_said_he_wants_to_die_is_answered_as_his_sister() -> None:
    chat = started("兄は前から死にたいって言ってました", now=THURSDAY_NIGHT)
    reply = said(chat)
    assert "あなたのことを心配しています" not in reply
    assert "お兄さん" in reply or "ご家族" in reply


def test_a_daughters_message_about_dying_told_by_her_father_gets_the_family_reply() -> None:
    chat = started("大学生の娘から「もう生きていたくない」とLINEが来ました", now=MONDAY_LATE)
    reply = said(chat)
    assert "あなたのことを心配しています" not in reply
    assert "娘さん" in reply


# ---------------------------------------------------------------- 4. a child given no food


def test_a_15_year_old_given_no_dinner_gets_189_and_childrens_lines_not_violence() -> None:
    chat = started(
        "こんばんは",
        "ままははが夜ごはんつくってくれない",
        "おれの分だけない。弟のはある",
        "お父さんはしらんぷり",
        "きょうもなにも食べてない",
        now=TUESDAY_EVENING,
    )
    chat.send("給食だけ")
    reply = said(chat)
    assert "110" not in reply and "DV相談" not in reply and "たたかれ" not in reply
    chat.send("15さい 中3")
    reply = said(chat)
    assert "たたかれ" not in reply and "DV相談" not in reply
    everything = "\n".join(str(r) for r in urgency(chat).get("reasons", []))  # type: ignore[union-attr]
    assert "食べてない" in everything  # the food reason is kept beside later ones


def test_a_child_not_given_meals_in_other_words_gets_189() -> None:
    chat = started("中2です。おかあさんがごはんをくれない。きのうから何もたべてない", now=TUESDAY_EVENING)
    reply = said(chat)
    assert "189" in reply
    assert "DV相談" not in reply and "たたかれ" not in reply
    assert "あなたのせいではありません" in reply


def test_urgency_reasons_are_merged_when_the_level_rises() -> None:
    chat = started("きょうもなにも食べてない", now=TUESDAY_EVENING)
    chat.send("もう死にたい")
    reasons = [str(r) for r in urgency(chat).get("reasons", [])]  # type: ignore[union-attr]
    assert any("食べてない" in r for r in reasons) and any("死にたい" in r for r in reasons)


# ---------------------------------------------------------------- 5. a grown son shouting at his mother


def test_a_mother_shouted_at_by_her_grown_son_gets_lines_for_violence_at_home_not_partner_dv() -> None:
    chat = started("夜分にすみません", "息子が20年部屋から出てきません。42歳です", now=WEDNESDAY_2AM)
    chat.send("さっきドア越しに怒鳴られました。もうどうしたらいいのか")
    reply = said(chat)
    assert "パートナー" not in reply and "DV相談" not in reply
    assert "110" in reply
    assert "保健所" in reply or "精神保健福祉センター" in reply
    chat.send("殴られたりはしていません。壁を叩く音がずっとしています")
    assert urgency(chat).get("level") != "crisis"
    assert "「叩く」" not in urgency(chat).get("reasons", [])  # type: ignore[operator]


def test_a_father_whose_grown_daughter_yells_at_him_in_other_words_is_not_partner_dv() -> None:
    chat = started("30歳の娘と二人暮らしです", now=WEDNESDAY_2AM)
    chat.send("娘に毎晩のように怒鳴られて、物を投げられます")
    reply = said(chat)
    assert "パートナー" not in reply and "DV相談" not in reply
    assert "保健所" in reply or "精神保健福祉センター" in reply


# ---------------------------------------------------------------- 9. a court's payment demand


def test_a_payment_demand_from_the_court_is_urgent_and_its_deadline_is_said() -> None:
    chat = started("借金がやばいねん", "消費者金融3社から借りとって、もう返されへん", now=MONDAY_NIGHT)
    chat.send("裁判所から手紙きてん。支払督促ってやつ")
    reply = said(chat)
    assert urgency(chat).get("level") == "urgent"
    assert "2週間" in reply and "異議" in reply


def test_a_payment_demand_in_other_words_is_urgent_too() -> None:
    chat = started("簡易裁判所から支払督促が届きました。2週間以内って書いてあります", now=MONDAY_NIGHT)
    assert urgency(chat).get("level") == "urgent"
    assert "異議" in said(chat)


def test_what_happens_if_ignored_and_the_cost_of_a_lawyer_get_answers() -> None:
    chat = started("裁判所から手紙きてん。支払督促ってやつ", now=MONDAY_NIGHT)
    chat.send("これ無視したらどうなるん")
    reply = said(chat)
    assert "うまく受け取れなかった" not in reply
    assert "差し押さえ" in reply
    chat.send("弁護士とか高いやろ")
    reply = said(chat)
    assert "うまく受け取れなかった" not in reply
    assert "法テラス" in reply


def test_a_child_who_has_not_eaten_today_gets_189_not_a_food_banks_office_hours() -> None:
    chat = started("中3です", "親がごはんをくれない", now=TUESDAY_EVENING)
    chat.send("きょうもなにも食べてない")
    reply = said(chat)
    assert "189" in reply
    assert "窓口が開いたら" not in reply


def test_hanging_up_the_phone_in_a_mothers_long_message_is_not_self_harm() -> None:
    opening = "34歳の息子が12年ほど家から出ません。自分の部屋にこもっています。"
    chat = started(opening + SON_HEARD, now=MONDAY_LATE)
    chat.send("市の窓口に一度電話しようとしたのですが、受話器を持ったまま切ってしまいました。")
    reasons = [str(r) for r in urgency(chat).get("reasons", [])]  # type: ignore[union-attr]
    assert not any("切って" in r for r in reasons)
