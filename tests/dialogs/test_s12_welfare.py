"""Session 12, try-out 15: questions about money, welfare, care and eviction answered wrongly.

p3 (19) asked three times whether her parents would be contacted if she applied for 生活保護
(扶養照会) and got the council's own confidentiality promise; p9 (70s, 東北 dialect) asked whether
社協 lends money and fell to the fallback three times; p8 (17, a young carer) asked whether his
grandmother could use care services and got 「つなぐ市に住んでいる方なら…」; p4 (55) asked whether he
really had to leave by the date on the letter and how to pay a lawyer; a sister asked whether she
could consult from outside the city; on a weekday morning 「今から窓口に行ってもいいですか」 fell to
the fallback and 「いま電話したらつながりますか」 never heard that it is open; p6 (「にほんご すこし」)
got paragraphs of standard Japanese and 「はい、そうだんしたい」 fell to the fallback.

Each test types the person's words in order, with variants of our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs import catalog
from dialogs.summary import summary_text
from tests.dialogs.chat import TOKYO, WEEKDAY_MORNING, Chat, said, started

SATURDAY_NIGHT = datetime(2026, 12, 5, 22, 30, tzinfo=TOKYO)
FALLBACK = catalog.text("fallback")


def concerns_of(chat: Chat) -> list[str]:
    return list(chat.data["intake"]["answers"].get("concerns", {}).get("choices", []))


# --- 1. p3: 扶養照会

P3_BEFORE = (
    "19さいです。家出て今友達の家にいるんですけど、お金もうなくて、バイトもクビになりました",
    "生活保護って19でも受けれますか？",
)


def family_inquiry_answered(reply: str) -> None:
    assert "扶養照会" in reply, reply
    assert "条件ではありません" in reply, reply
    assert "虐待" in reply and "福祉事務所" in reply, reply
    assert "【生活保護】" not in reply, reply


def test_p3_parents_contacted_after_asking_about_welfare_hears_of_the_family_inquiry() -> None:
    chat = started(*P3_BEFORE, now=SATURDAY_NIGHT)
    chat.send("親に連絡いくって聞いたんですけど本当ですか。。絶対いやです")
    family_inquiry_answered(said(chat))


def test_p3_family_inquiry_named_gets_its_answer_not_the_welfare_card_again() -> None:
    chat = started(*P3_BEFORE, now=SATURDAY_NIGHT)
    chat.send("そうじゃなくて、生活保護申請したら役所から親に連絡いくんですよね？扶養照会っていうやつ")
    family_inquiry_answered(said(chat))


@pytest.mark.parametrize(
    "words",
    (
        "扶養照会って断れますか？",
        "ふようしょうかいって何ですか",
        "生活保護を申請したら実家に連絡がいくんですか",
        "生活保護うけたら家族にバレますか",
        "生保の申請すると親に連絡されるって本当？",
    ),
)
def test_family_inquiry_asked_in_other_words(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    family_inquiry_answered(said(chat))


def test_family_inquiry_after_sending_is_answered_not_only_added() -> None:
    chat = started(*P3_BEFORE, now=SATURDAY_NIGHT)
    chat.send("担当者と話したい")
    chat.tap("この内容だけ送る")
    chat.send("扶養照会って断れますか？")
    family_inquiry_answered(said(chat))


def test_parents_contacted_without_welfare_keeps_the_confidentiality_answer() -> None:
    chat = started("親に連絡いくって聞いたんですけど本当ですか", now=SATURDAY_NIGHT)
    reply = said(chat)
    assert "了解なく" in reply, reply
    assert "扶養照会" not in reply, reply


# --- 2. p9: 社協's loans, 東北 dialect

P9_BEFORE = (
    "こんばんは。わだすは70すぎのじじいだども、ちょっと聞ぎでぇごどあって",
    "かがあ（女房）が入院してしまって、おら一人だ",
    "年金の日まで金ねくて、食うもんもねぐなってきた",
    "年金は15日だべ。あと10日もあるんだ",
)


def loan_answered(reply: str) -> None:
    assert "緊急小口資金" in reply, reply
    assert "10万円" in reply and "保証人" in reply, reply
    assert FALLBACK not in reply


def test_p9_loan_from_the_council_in_dialect_is_answered() -> None:
    chat = started(*P9_BEFORE, now=SATURDAY_NIGHT)
    chat.send("社協で金っこ貸してくれるって聞いだども、ほんとだべか")
    loan_answered(said(chat))


@pytest.mark.parametrize(
    "words",
    (
        "社協でお金を貸してもらえるって本当ですか",
        "緊急小口資金ってなんですか",
        "しゃきょうでおかねかりられるってほんと？",
        "生活福祉資金を借りたいんですが",
        "社協で金借りれるって聞いたんやけど",
    ),
)
def test_loan_asked_in_other_words(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    loan_answered(said(chat))


def test_loan_shark_is_not_the_councils_loan() -> None:
    chat = started("闇金から借りてしまった", now=SATURDAY_NIGHT)
    assert "緊急小口資金" not in said(chat)


def test_p9_can_anything_be_done_in_dialect_is_not_the_fallback() -> None:
    chat = started(*P9_BEFORE, now=SATURDAY_NIGHT)
    chat.send("なんとがなんねぇべか")
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert "窓口" in reply and "0000-00-" in reply, reply


@pytest.mark.parametrize("words", ("担当の人さ伝えでけろ", "相談員さ伝えでけろ", "担当の人さ話してけろ"))
def test_p9_tell_the_person_in_dialect_leads_to_the_send_screen(words: str) -> None:
    chat = started(*P9_BEFORE, now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert "この内容だけ送る" in chat.labels, chat.labels


def test_dialect_reading_leaves_standard_words_alone() -> None:
    from dialogs.understanding.classifier import classify

    assert classify("子どもが学校に行けない").concerns == ("childcare_education",)
    assert "cmd.human" not in classify("そうだねぇ").intents
    assert "cmd.human" not in classify("ささいなことですが、人さまに迷惑をかけたくない").intents
    assert "cmd.human" in classify("担当の人さ伝えでけろ").intents


# --- 4. p8: a young carer asks about care services

P8 = (
    "ばあちゃんの介護してる。認知症",
    "17、高2。親は仕事でほぼいないから俺がみてる",
    "夜中に何回も起こされるし、もう学校も週2くらいしか行けてない",
    "疲れた。正直しんどい",
    "こういうのってどこに相談すればいいの？先生には言いたくない",
)


def care_answered(reply: str) -> None:
    assert "地域包括支援センター" in reply, reply
    assert "介護保険" in reply and "1割" in reply, reply
    assert "つなぐ市に住んでいる方なら" not in reply, reply


def test_p8_care_services_for_grandmother_get_the_elderly_centre_and_the_young_carer_word() -> None:
    chat = started(*P8, now=SATURDAY_NIGHT)
    chat.send("ばあちゃんの介護サービスとかって使えるの？うち金ないけど")
    reply = said(chat)
    care_answered(reply)
    assert "ヤングケアラー" in reply or "あなた" in reply, reply


@pytest.mark.parametrize(
    "words",
    (
        "母の介護保険って、お金がなくても使えますか",
        "じいちゃんにヘルパーさん来てもらえるの？",
        "父がデイサービスを使うと、いくらかかりますか",
    ),
)
def test_care_services_asked_in_other_words(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    care_answered(said(chat))


def test_p8_sheet_says_the_young_carer_writes_for_himself() -> None:
    chat = started(*P8, now=SATURDAY_NIGHT)
    chat.send("ばあちゃんの介護サービスとかって使えるの？うち金ないけど")
    sheet = summary_text(chat.data)
    assert "相談者：本人" in sheet, sheet
    assert "家族（子ども）" not in sheet, sheet
    assert "就職活動困難" not in sheet, sheet
    assert "job_search" not in concerns_of(chat)


# --- 5. p4: the eviction date, a lawyer's cost

P4_FIRST = (
    "55歳男です。会社が倒産して、借金があります。"
    "家賃も2ヶ月滞納してて、管理会社から12月20日までに退去しろと手紙が来ました"
)


def eviction_answered(reply: str) -> None:
    assert "裁判" in reply, reply
    assert "住居確保給付金" in reply and "法テラス" in reply, reply


def test_p4_must_i_really_leave_on_the_date_is_answered() -> None:
    chat = started(P4_FIRST, "どうすればいいですか", now=SATURDAY_NIGHT)
    chat.send("12月20日に本当に出ていかなあかんのですか？行くところがありません")
    eviction_answered(said(chat))


@pytest.mark.parametrize(
    "words",
    (
        "退去しろって手紙が来たんですが、本当に出ていかないといけないんですか",
        "大家から今月中に出ていけと言われた。出ないとだめですか",
        "立ち退きって拒否できますか",
    ),
)
def test_eviction_asked_in_other_words(words: str) -> None:
    chat = started(words, now=SATURDAY_NIGHT)
    eviction_answered(said(chat))


def test_p4_deadline_is_kept_for_the_person_in_charge() -> None:
    chat = started(
        P4_FIRST, "12月20日に本当に出ていかなあかんのですか？行くところがありません", now=SATURDAY_NIGHT
    )
    assert "12月20日" in summary_text(chat.data)


@pytest.mark.parametrize(
    "words",
    (
        "借金は自己破産とかしたほうがいいんでしょうか。弁護士に払う金もないです",
        "弁護士に頼むお金なんてないです",
        "司法書士に払うお金がありません",
    ),
)
def test_p4_no_money_for_a_lawyer_hears_of_houterasu(words: str) -> None:
    chat = started(P4_FIRST, now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "法テラス" in reply and "立て替え" in reply, reply


# --- 6. outside the city


@pytest.mark.parametrize(
    "words",
    (
        "私が市外に住んでいても相談できますか",
        "私が市外に住んでいても相談できますか？実家はつなぐ市です",
        "市外在住ですが利用できますか",
        "よその市に住んでるけど相談していい？",
    ),
)
def test_outside_the_city_is_answered_honestly(words: str) -> None:
    chat = started(words)
    reply = said(chat)
    assert "市外に住んでいても" in reply, reply
    assert "自立相談支援機関" in reply, reply
    assert "つなぐ市に住んでいる方なら" not in reply, reply


def test_who_can_use_in_the_city_keeps_its_answer() -> None:
    chat = started("誰でも使えますか")
    assert "年齢や状況を問わず" in said(chat)


# --- 7. weekday morning: coming now, calling now


@pytest.mark.parametrize(
    "words", ("今から窓口に行ってもいいですか", "いまから行っても大丈夫ですか", "これから窓口に行けますか")
)
def test_weekday_coming_now_is_told_today_s_hours(words: str) -> None:
    chat = started("家賃が払えなくて、今日中に出ていけと言われました")
    chat.send(words)
    reply = said(chat)
    assert FALLBACK not in reply, reply
    assert "今日は17:00まで開いています" in reply, reply


@pytest.mark.parametrize(
    "words", ("いま電話したらつながりますか", "今って電話つながる？", "今電話しても大丈夫ですか")
)
def test_weekday_calling_now_hears_it_is_open(words: str) -> None:
    chat = started("人と話したい")
    chat.send(words)
    reply = said(chat)
    assert "はい、いま開いています" in reply, reply
    assert "0000-00-0001" in reply, reply


def test_calling_now_at_night_hears_it_is_closed() -> None:
    chat = started("いま電話したらつながりますか", now=SATURDAY_NIGHT)
    reply = said(chat)
    assert "はい、いま開いています" not in reply, reply
    assert "閉まっています" in reply, reply


# --- 8. p6: やさしい日本語 after 「にほんご すこし」


def test_p6_after_little_japanese_the_replies_are_in_easy_japanese() -> None:
    chat = started("こんにちは。わたしはベトナム人です。にほんご すこし", now=SATURDAY_NIGHT)
    chat.send("I lost my job. Company closed.")
    reply = said(chat)
    assert "書いてくださって、ありがとうございます" not in reply, reply
    chat.send("しごと なくなりました。おかね ない")
    reply = said(chat)
    assert "書いてくださって、ありがとうございます" not in reply, reply


@pytest.mark.parametrize(
    "first", ("にほんご すこし", "日本語 すこし わかります", "にほんごが あまり わかりません")
)
def test_yes_i_want_to_consult_goes_to_the_send_screen(first: str) -> None:
    chat = started(first, now=SATURDAY_NIGHT)
    chat.send("はい、そうだんしたい")
    assert FALLBACK not in said(chat)
    assert any("送る" in label or "Send" in label for label in chat.labels), chat.labels


@pytest.mark.parametrize("words", ("はい、そうだんしたい", "はい、相談したいです", "うん、相談したい"))
def test_yes_and_consult_in_plain_japanese_goes_to_the_send_screen(words: str) -> None:
    chat = started("仕事がなくなってお金がない", now=WEEKDAY_MORNING)
    chat.send(words)
    assert "この内容だけ送る" in chat.labels, chat.labels


# --- follow-ups


@pytest.mark.parametrize(
    "words",
    (
        "親とは仲悪くて、小さい頃から怒鳴られてた。だから連絡されたくない",
        "もう5年くらい親と連絡とってない",
        "もう何年も会ってないし、絶縁みたいな感じです",
    ),
)
def test_p3_a_reason_after_the_family_inquiry_is_heard_as_one(words: str) -> None:
    chat = started(*P3_BEFORE, "扶養照会って断れますか？", now=SATURDAY_NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "扶養照会" in reply and "福祉事務所に伝えられる" in reply, reply
    sheet = summary_text(chat.data)
    assert "扶養照会で、家族に連絡がいくことを心配している" in sheet, sheet


def test_a_reason_long_after_the_answer_is_read_on_its_own() -> None:
    chat = started(*P3_BEFORE, "扶養照会って断れますか？", now=SATURDAY_NIGHT)
    chat.wait(120)
    chat.send("親とは仲悪くて、小さい頃から怒鳴られてた")
    assert "扶養照会をしないでほしい理由" not in said(chat)


def test_p4_the_letter_s_date_is_not_told_as_tonight_s_bed() -> None:
    chat = started(P4_FIRST, "どうすればいいですか", now=SATURDAY_NIGHT)
    chat.send("12月20日に本当に出ていかなあかんのですか？行くところがありません")
    reply = said(chat)
    assert "今夜泊まる場所がないときは" not in reply, reply
    assert "今夜の寝る場所がない" not in summary_text(chat.data)


def test_tonight_said_beside_the_eviction_question_keeps_tonight_s_bed() -> None:
    chat = started("今日中に出ていかないといけないんですか？今夜行くところがありません", now=SATURDAY_NIGHT)
    reply = said(chat)
    assert "今夜泊まる場所がないときは" in reply, reply
    assert "裁判" in reply, reply


def test_p6_no_place_to_go_is_told_once_in_her_words() -> None:
    chat = started("こんにちは。わたしはベトナム人です。にほんご すこし", now=SATURDAY_NIGHT)
    chat.send("I lost my job. Company closed.")
    chat.send("りょう（dormitory）来週 しまります。 I have no place to go")
    reply = said(chat)
    assert "no place to sleep" in reply, reply
    assert "今夜泊まる場所がないときは" not in reply, reply


def test_no_place_tonight_in_japanese_keeps_the_japanese_guidance() -> None:
    chat = started("仕事がなくなって、今夜泊まるところがない", now=SATURDAY_NIGHT)
    assert "今夜泊まる場所がないときは" in said(chat)
