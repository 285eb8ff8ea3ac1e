"""Try-out 7, section A: danger that was missed or answered wrongly (pills, a balcony, a father missing at
night, a child whose father is still awake, thoughts of dying inside long messages), and two tone items.

Each test types the person's words in the order they were typed, then two or three variants of its own
(dialect, hiragana, other words), so that what is fixed is the kind of message, not the sentence.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from dialogs.crisis import crisis_answer, memory_of
from tests.dialogs.chat import TOKYO, Chat, already_sent, said, started

NIGHT = datetime(2026, 12, 1, 2, 0, tzinfo=TOKYO)  # Tuesday 02:00, outside office hours
DAY = datetime(2026, 12, 2, 10, 30, tzinfo=TOKYO)  # Wednesday, office open

GOOD_NIGHT = "おやすみなさい"
COUNSELLING_FREE = "相談は無料です"


def says_the_ambulance_is_free(reply: str) -> bool:
    return "救急車を呼ぶのに、お金はかかりません" in reply or "救急車を呼ぶのは無料" in reply


def urgency(chat: Chat) -> str:
    return str(chat.data.get("urgency", {}).get("level", ""))


# ---------------------------------------------------------------- A4: pills already taken, in slang


@pytest.mark.parametrize(
    "first",
    [
        "さっき眠剤ぜんぶいった笑　ふわふわする",
        "睡眠薬20錠いった。ふわふわ",
        "くすりぜんぶいっちゃったw",
        "眠剤まとめていきました",
    ],
)
def test_pills_said_to_be_taken_in_slang_get_the_overdose_block(first: str) -> None:
    chat = started(first, now=NIGHT)
    reply = said(chat)
    assert "いますぐ119" in reply
    assert "近くの人" in reply
    assert "とてもつらい気持ちを書いてくださって" not in reply
    assert urgency(chat) == "crisis"


# ---------------------------------------------------------------- A1-A3: after pills: sleep, the ambulance


PILLS = ("さっき眠剤ぜんぶいった笑　ふわふわする", "いや死にたいとかじゃなくて寝たかっただけ。20錠くらい？")


HINT = (
    "最近、朝が来なければいいのにって毎晩思う",
    "電話は無理。声出ない。別に何かするつもりはないよ、ただ消えたいだけ",
)

AFTER_A_CRISIS_REPLY = [
    pytest.param(
        PILLS,
        "ねむい。救急とか大げさすぎw 親にバレたくないし",
        ("119", "大げさ"),
        ("配慮", "トーク履歴"),
        id="sleepy",
    ),
    *(
        pytest.param(PILLS, words, ("119",), ("配慮",), id="reluctant")
        for words in (
            "ふらふらする。でも救急車とか大げさだし",
            "ねむたい…親に知られたくないから呼ばない",
            "よばない。寝たら治る",
        )
    ),
    *(
        pytest.param(PILLS, words, ("119", "救急車を呼ぶ"), (COUNSELLING_FREE,), id="ambulance_cost")
        for words in (
            "救急車って有料？",
            "きゅうきゅうしゃ よんだら おかね いる？",
            "119したらお金とられる？",
        )
    ),
    *(
        pytest.param(PILLS, words, ("119",), (GOOD_NIGHT,), id="going_to_sleep")
        for words in ("もういいや寝る。おやすみ", "ねる", "もう寝ます、おやすみなさい")
    ),
    *(
        pytest.param(HINT, words, ("あなたのいばしょ", "24時間"), ("8:30",), id="chat_line_hours")
        for words in (
            "チャットのほうがいい。でもこの時間やってるの？",
            "あなたのいばしょってとこ、今やってるの？",
            "いばしょって何時まで？",
        )
    ),
]
"""After pills: sleepiness, reluctance to call, the ambulance's cost, going to sleep get 119 (and that the
ambulance is free), not the note that a worry was kept, nor good night; after thoughts of dying and 「電話は
無理」, asking whether the chat line is open gets its hours, not the city's."""


@pytest.mark.parametrize(("before", "words", "present", "absent"), AFTER_A_CRISIS_REPLY)
def test_words_after_a_crisis_reply_get_what_they_need(
    before: tuple[str, ...], words: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    chat = started(*before, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert all(part in reply for part in present), reply
    assert not any(part in reply for part in absent), reply


def test_nausea_and_the_cost_of_an_ambulance_after_pills_get_119_and_that_it_is_free() -> None:
    chat = started(*PILLS, "ねむい。救急とか大げさすぎw 親にバレたくないし", now=NIGHT)
    chat.send("なんか吐きそう…でも119はむり。お金かかるんでしょ")
    reply = said(chat)
    assert "119" in reply and says_the_ambulance_is_free(reply)
    assert COUNSELLING_FREE not in reply
    first = reply
    chat.send("ちがう、救急車のこと。呼んだら金かかる？親に連絡いく？")
    reply = said(chat)
    assert says_the_ambulance_is_free(reply) and "119" in reply
    assert COUNSELLING_FREE not in reply
    assert reply != first  # the same worry again is not answered word for word


def test_numb_hands_after_pills_still_get_119() -> None:
    chat = started(*PILLS, "もういいや寝る。おやすみ", now=NIGHT)
    chat.send("てかまだ起きてた。手がしびれてる")
    assert "119" in said(chat)


# ---------------------------------------------------------------- A5, A6, A10, A11: the balcony


def test_after_saying_they_cannot_phone_the_line_offered_is_a_chat_line() -> None:
    chat = started(HINT[0], now=NIGHT)
    chat.send(HINT[1])
    reply = said(chat)
    assert "チャット" in reply or "LINE" in reply
    assert "0120" not in reply.split("チャット")[0]  # no phone number before the chat line


def test_the_city_hours_are_still_the_answer_when_no_crisis_line_is_in_the_talk() -> None:
    chat = started("このLINEって何時までやってるの？", now=NIGHT)
    assert "8:30" in said(chat)


@pytest.mark.parametrize(
    "place", ["ベランダ出て下見てた。ここ8階", "ベランダから下見てる。5階", "屋上から下をみてる。10階"]
)
def test_a_height_named_after_a_crisis_reply_gets_110_119_and_the_direct_question(place: str) -> None:
    chat = started(*HINT, "もういい。どうせ誰もわかんないし", now=NIGHT)
    chat.send(place)
    reply = said(chat)
    assert "119" in reply and "110" in reply
    assert "死にたいと思う気持ちがありますか" in reply


@pytest.mark.parametrize("still", ["まだベランダ。寒い", "まだ屋上にいる", "ずっとベランダにいる"])
def test_still_at_the_place_never_gets_the_fallback(still: str) -> None:
    chat = started(*HINT, "ベランダ出て下見てた。ここ8階", now=NIGHT)
    chat.send(still)
    reply = said(chat)
    assert "うまくお答えできない" not in reply
    assert "119" in reply and "110" in reply
    assert ("離れて" if "屋上" in still else "部屋") in reply  # in from a balcony; off a roof's edge
    assert "担当者に伝えたい" in chat.labels or "メニュー" not in chat.labels


def test_back_in_the_room_is_not_read_as_still_there() -> None:
    chat = started(*HINT, "ベランダ出て下見てた。ここ8階", now=NIGHT)
    chat.send("…部屋戻った。ちょっと疲れてるだけ")
    assert "まだ" not in said(chat).split("\n")[0]


@pytest.mark.parametrize(
    "plan", ["やっぱ無理かも。今日で終わりにしたい", "今夜でおわりにする", "今日しのうと思う"]
)
def test_a_plan_with_a_time_after_sending_gets_the_whole_block_and_says_it_reached_the_case(
    plan: str,
) -> None:
    chat = started(*HINT, "担当の人と話したい", now=NIGHT)
    chat.tap("この内容だけ送る")
    assert "handoff" in chat.data
    chat.send(plan)
    reply = said(chat)
    assert "死にたいと思う気持ちがありますか" in reply
    assert "119" in reply and "110" in reply
    assert "送ったご相談" in reply
    assert "人の担当者に伝えることもできます" not in reply
    assert "担当者に伝えたい" not in chat.labels
    assert "0120" not in reply.split("チャット")[0]  # she said she cannot phone


# ---------------------------------------------------------------- A7: a father with dementia missing at night


HIRO = (
    "夜分すまんのう。うちの親父が認知症みたいなんじゃけど、わしも仕事なくしてしもうて、どうしたらええんかわからんのんよ",
    "親父は78で、一人で外に出て帰れんようになったこともあるけぇ。わしは52じゃ。家賃もきつうなってきたわ",
    "相談員さんと話したいんじゃが、昼間は電話出れんけぇLINEで頼むわ",
)


def test_a_father_missing_at_night_after_sending_gets_110_and_raises_the_case() -> None:
    chat = already_sent(*HIRO, now=NIGHT)
    chat.effects.clear()
    chat.send("親父がまた夜中に出ていってしもうた。さがしよるけど見つからん")
    reply = said(chat)
    assert "110" in reply
    assert "伝えますか" not in reply
    assert "送ったご相談" in reply
    raised = [effect for effect in chat.effects if type(effect).__name__ == "RaiseUrgency"]
    assert raised and raised[0].level == "crisis"  # type: ignore[attr-defined]
    chat.send("警察に言うたほうがええんかのう")
    reply = said(chat)
    assert reply.startswith("はい") and "110" in reply
    assert "伝えますか" not in reply


@pytest.mark.parametrize(
    ("missing", "question"),
    [
        ("認知症の母が夜中に家を出ていって、探してるけど見つかりません", "警察に連絡したほうがいいですか"),
        ("じいちゃんが徘徊して帰ってこない。もう2時間探してる", "けいさつに言ったほうがいい？"),
        ("おかんが出ていったきり帰ってこんのや。探しとるけどおらん", "警察に言うたほうがええんかな"),
    ],
)
def test_a_relative_missing_in_other_words_gets_110(missing: str, question: str) -> None:
    chat = started(missing, now=NIGHT)
    assert "110" in said(chat)
    assert urgency(chat) == "crisis"
    chat.send(question)
    assert said(chat).startswith("はい") and "110" in said(chat)


def test_looking_for_work_that_cannot_be_found_is_not_a_missing_person() -> None:
    chat = started("仕事を探してるけど見つからない。家賃も出ていくばかり", now=DAY)
    assert "110" not in said(chat).split("命や身の危険")[0]


# ---------------------------------------------------------------- A8: a child whose father is still awake


KOU = ("きょうも おとうさんに たたかれた", "けいさつは むり。もっと おこられる")


@pytest.mark.parametrize(
    "now_words",
    ["まだ おきてる。へやに かぎ ない", "おとうさん まだ おきてる", "へやに くるかも。かぎ かからない"],
)
def test_a_child_saying_the_father_is_still_awake_gets_how_to_stay_safe_now(now_words: str) -> None:
    chat = started(*KOU, now=NIGHT)
    chat.send(now_words)
    reply = said(chat)
    assert "110" in reply and "189" in reply
    assert "8:30" not in reply
    assert "こころのこと" not in reply
    assert "にげ" in reply  # how to stay safe now


# ---------------------------------------------------------------- A9, A13b: long messages


LONG_1 = (
    "はじめまして。うまくまとめられないので長くなってしまいますがすみません。私は47歳で、夫と高校生の娘と、中学生の"
    "ときから不登校になってそのまま家にいる22歳の息子と4人で暮らしています。息子はもう7年くらい、ほとんど自分の部屋"
    "から出てきません。夜中にゲームをしている音が聞こえるので生きているのはわかるのですが、ここ1年はまともに顔を合わ"
    "せたこともありません。夫は「お前の育て方が悪い」と言うばかりで、息子のことは私にまかせきりです。最近は生活費も夫"
    "が管理していて、私が使えるのは月に2万円だけです。パートも夫に反対されて辞めました。娘は来年受験なのに、塾代を"
    "出してほしいと言っても夫は聞いてくれません。私は最近、夜になると動悸がして眠れず、朝起きるのがとてもつらいです。"
    "病院に行きたいのですが、夫に保険証のことを聞かれるのがいやで行けていません。ときどき、私がいなくなったほうがみ"
    "んな楽になるんじゃないかと考えてしまいます。こんなことを誰かに話すのは初めてです。市役所に行けばいいのか、どこ"
    "に相談すればいいのかもわかりません。息子本人は相談なんて絶対に行かないと思います。夫にはこのLINEのことは絶対に"
    "知られたくないので、連絡はこのLINEだけにしてください。電話は困ります。平日の昼間、10時から14時くらいなら一人"
    "なので返事ができます。住んでいるのは東台です。どうかよろしくお願いします。"
)
LONG_3 = (
    "さっきの続きです。読み返したら大げさに書いてしまったかもしれません。でも、本当のことです。夫は手をあげたりは"
    "しませんが、私が何か言うと何時間も無視をしたり、娘の前で「役立たず」と言ったりします。お金のことも、レシートを"
    "全部見せないといけなくて、足りない分を実家の母にこっそり借りています。母は75歳で一人暮らしで、最近は物忘れが多"
    "くなってきていて、母のことも心配です。息子のことは、昔は病院に連れて行こうとしたこともありましたが、ドアを叩い"
    "たら中から物を投げつけられて、それからは何もできなくなりました。今は食事を部屋の前に置いて、空になったお皿を下"
    "げるだけです。22歳なのに、このまま私たちが年をとったらどうなるのかと思うと怖いです。娘は「お兄ちゃんのせいで友"
    "達を家に呼べない」と泣いていました。私がしっかりしなきゃいけないのはわかっているのですが、もう疲れてしまって、"
    "何も考えたくない日が増えました。夜中に目が覚めて、このまま朝にならなければいいのにと思うこともあります。でも子"
    "どもたちのことを考えると、そういうわけにもいかないので、なんとかやっています。相談員の方と話したいです。ただ、"
    "夫が家にいる夜や土日は返事ができません。スマホも時々夫に見られるので、通知に内容が出ないようにしたいです。よろ"
    "しくお願いします。"
)
LONG_8 = (
    "こんにちは、先日相談した者です。あれから少し考えて、やっぱりもう一度書かせてください。昨日の夜、息子の部屋から"
    "大きな音がして、見に行ったら壁に穴があいていました。息子は「うるさい、入ってくるな」と怒鳴って、私はそのまま何"
    "も言えずに下に降りました。夫は帰ってきても何も聞かず、テレビを見ていました。娘は自分の部屋で泣いていたようです。"
    "私はもう、どうしていいのかわかりません。朝になって息子の部屋の前に朝ごはんを置きましたが、手をつけていませんで"
    "した。息子がどういう気持ちなのか、まったくわかりません。私のせいなのかもしれないと思うと、夜も眠れません。最近"
    "は食欲もなくて、この一週間で3キロやせました。パートを辞めてから外に出ることも減って、話す相手もいません。実家"
    "の母に電話しても、母も物忘れがひどくなっていて、同じ話を何度もされるだけです。正直に書くと、台所で包丁を見てい"
    "て、これで全部終わりにできたらと思ってしまった瞬間がありました。すぐに片付けましたが、自分でも怖くなりました。"
    "こんなことを書いてすみません。誰にも言えないので、ここに書いています。前の相談員の方にまた読んでいただけるとう"
    "れしいです。連絡はこのLINEで、平日の10時から14時のあいだだとありがたいです。"
)
LONG_10 = (
    "正直に答えると、そういう気持ちは、あると思います。ただ、いますぐ何かをしようとしているわけではありません。包丁"
    "はもう引き出しにしまいましたし、今は娘が隣の部屋にいます。娘のことを考えると、私がいなくなるわけにはいかないと"
    "思っています。でも、夜になるとその気持ちが強くなって、自分でも自分が信じられなくなることがあります。こういう気"
    "持ちになったのは初めてではなくて、一年くらい前から、ときどきありました。誰にも話したことはありません。夫に話せ"
    "ば「大げさだ」と言われるのは分かっていますし、実家の母にはこれ以上心配をかけたくありません。"
)

DIRECT_QUESTION = "死にたいと思う気持ちがありますか"


def test_wishing_to_be_gone_inside_a_long_message_about_a_controlling_husband_gets_the_direct_question() -> (
    None
):
    chat = started(LONG_1, now=DAY)
    reply = said(chat)
    assert DIRECT_QUESTION in reply
    assert "110" in reply


def test_wishing_the_morning_would_not_come_in_a_second_long_message_gets_the_direct_question() -> None:
    chat = started(
        LONG_1,
        "叩かれたりはしていません。ただ、お金を自由に使えなくて…。子どもたちも殴られてはいないです",
        now=DAY,
    )
    chat.wait(60 * 13)  # the question was asked in the morning; this is the next night
    chat.send(LONG_3)
    assert DIRECT_QUESTION in said(chat)


@pytest.mark.parametrize(
    "words",
    [
        "夫のことで毎日怒鳴られています。このまま朝にならなければいいのにと思うこともあります",
        "旦那にお金を渡してもらえない。私なんかいなくなったほうがみんな楽なんじゃないかって思う",
    ],
)
def test_dying_words_beside_violence_from_a_partner_get_both_answers(words: str) -> None:
    chat = started(words, now=DAY)
    reply = said(chat)
    assert DIRECT_QUESTION in reply


@pytest.mark.parametrize(
    "words",
    [
        LONG_8,
        "台所で包丁を見ていて、これで全部終わりにできたらと思ってしまいました",
        "カッター見てたら、これで楽になれるかなって考えてた",
    ],
)
def test_a_knife_and_ending_it_all_is_about_herself_not_a_violent_relative(words: str) -> None:
    chat = started(words, now=DAY)
    reply = said(chat)
    assert DIRECT_QUESTION in reply
    assert "暴れていて" not in reply and "保健所" not in reply


def test_a_long_typed_answer_to_the_direct_question_is_taken_as_its_answer() -> None:
    chat = started(LONG_8, now=DAY)
    assert DIRECT_QUESTION in said(chat)
    chat.send(LONG_10)
    reply = said(chat)
    assert "正直に教えてくださって" in reply
    assert "とてもつらい気持ちを書いてくださって" not in reply


@pytest.mark.parametrize(
    "answer", ["正直、あります。でも今すぐどうこうではないです", "あると思う。でも何かするつもりはない"]
)
def test_a_typed_yes_with_more_words_is_the_answer_too(answer: str) -> None:
    chat = started("ロープ買ってきた", now=NIGHT)
    chat.send(answer)
    assert "正直に教えてくださって" in said(chat)


# ---------------------------------------------------------------- D: one warm line after a crisis reply


@pytest.mark.parametrize(
    "words",
    ["もういい。どうせ誰もわかんないし", "べつに。どうせだれにもわからん", "もういいよ、誰にも分かんない"],
)
def test_waving_off_after_a_crisis_reply_gets_one_warm_line(words: str) -> None:
    chat = started(*HINT, now=NIGHT)
    chat.send(words)
    reply = said(chat)
    assert "こころのことで困っていると受け取りました" not in reply
    assert "無理に話さなくて大丈夫" in reply


def test_the_fast_path_leaves_a_long_yes_to_the_direct_question_to_the_turn() -> None:
    chat = started("ロープ買ってきた", now=NIGHT)
    memory = memory_of(chat.data)
    assert memory.asked_at is not None
    assert (
        crisis_answer("正直に答えると、そういう気持ちは、あると思います。死にたい", chat.now, memory) is None
    )


@pytest.mark.parametrize("again", ["やっぱりまだ消えたい", "しにたい", "もう生きていたくない"])
def test_after_sending_a_brief_crisis_reply_does_not_offer_to_send_again(again: str) -> None:
    chat = started(*HINT, "担当の人と話したい", now=NIGHT)
    chat.tap("この内容だけ送る")
    chat.send(again)
    reply = said(chat)
    assert "人の担当者に伝えることもできます" not in reply
    assert "担当者に伝えたい" not in chat.labels
    assert "送ったご相談" in reply
