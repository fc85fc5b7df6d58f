"""Personal data (个人信息保护法第25条): no unmasked ID, mobile or bank card number in any field.

The check digits below are computed here, independently of the code under test.
"""

from __future__ import annotations

import pytest

from tests.rules.helpers import (
    C, COMMITTEE, COMMITTEE_PATH, INSPECTION, INSPECTION_PATH, PRE_NOTICE, PRE_NOTICE_PATH, VOTE, VOTE_PATH, brief,
    codes, col_of, edit, line_of, only, run,
)


def id_check(body17: str) -> str:
    """GB 11643 / ISO 7064 MOD 11-2 check character of the first 17 digits."""
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    value = (12 - sum(int(d) * w for d, w in zip(body17, weights)) % 11) % 11
    return "X" if value == 10 else str(value)


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in reversed(number)]
    return sum(d if i % 2 == 0 else (2 * d - 9 if 2 * d > 9 else 2 * d) for i, d in enumerate(digits)) % 10 == 0


def luhn_complete(prefix: str) -> str:
    return next(prefix + str(d) for d in range(10) if luhn_valid(prefix + str(d)))


ID_NUMBER = "11010519491231002" + id_check("11010519491231002")   # the textbook example, …002X
ID_NUMBER_2 = "44030119900307" + "123" + id_check("44030119900307123")
CARD_16 = luhn_complete("622202123456789")
CARD_19 = luhn_complete("621700123456789012")
# An 18-digit number whose last digit is not its check digit, and that fails Luhn too
# (so it cannot be mistaken for a bank card either).
WRONG_ID = next(
    "11010519491231002" + d for d in "0123456789"
    if d != id_check("11010519491231002") and not luhn_valid("11010519491231002" + d)
)


def test_the_fixtures_are_what_they_claim():
    assert ID_NUMBER == "11010519491231002X"
    assert len(CARD_16) == 16 and len(CARD_19) == 19 and luhn_valid(CARD_16) and luhn_valid(CARD_19)
    assert len(WRONG_ID) == 18 and WRONG_ID[-1] != id_check(WRONG_ID[:17]) and not luhn_valid(WRONG_ID)


def finding(text: str) -> str:
    return edit(INSPECTION, "finding: 2号楼北侧通道堆放杂物", f"finding: {text}")


def check_finding(tmp_path, value: str):
    text = finding(value)
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    return text, data, problems


# ---------------------------------------------------------------- found

@pytest.mark.parametrize("value, code", [
    (f"住户身份证 {ID_NUMBER} 已登记", "privacy.id_number"),
    (f"住户身份证{ID_NUMBER.lower()}", "privacy.id_number"),
    (f"身份证{ID_NUMBER_2}", "privacy.id_number"),
    ("旧身份证 110105491231002", "privacy.id_number"),          # 15 digits
    ("住户电话13812345678", "privacy.mobile"),
    ("住户电话 +86 138 1234 5678", "privacy.mobile"),
    ("住户电话+8613912345678", "privacy.mobile"),
    ("住户电话 86 19912345678", "privacy.mobile"),
    ("住户电话 138 1234 5678", "privacy.mobile"),
    (f"退款卡号 {CARD_16}", "privacy.bank_card"),
    (f"退款卡号{CARD_19}", "privacy.bank_card"),
    (f"退款卡号 {CARD_16[:4]} {CARD_16[4:8]} {CARD_16[8:12]} {CARD_16[12:]}", "privacy.bank_card"),
])
def test_personal_data_in_a_field(tmp_path, value, code):
    text, data, problems = check_finding(tmp_path, value)
    p = only(problems, data, code, INSPECTION_PATH, line_of(text, "finding"), col_of(text, value))
    digits = "".join(ch for ch in value if ch.isdigit())
    assert digits[-11:] not in p.message          # the message does not repeat the number


@pytest.mark.parametrize("value, code", [
    ("电话１３８１２３４５６７８", "privacy.mobile"),                       # full-width digits
    ("电话 138\u200b1234\u200b5678", "privacy.mobile"),                 # zero-width spaces
    ("电话 138\u20601234\u20605678", "privacy.mobile"),                 # word joiners
    ("电话 138\ufeff12345678", "privacy.mobile"),                       # a byte-order mark
    ("电话 138\u30001234\u30005678", "privacy.mobile"),                 # ideographic spaces
    ("电话 138  1234  5678", "privacy.mobile"),                           # double spaces
    ("电话 138\u00a01234\u00a05678", "privacy.mobile"),                 # non-breaking spaces
    ("电话 138\u20111234\u20115678", "privacy.mobile"),                 # non-breaking hyphens
    ("电话 138\u22121234\u22125678", "privacy.mobile"),                 # minus signs
    ("电话 138.1234.5678", "privacy.mobile"),                             # dots between groups
    ("电话 138·1234·5678", "privacy.mobile"),                             # middle dots
    ("电话 𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "privacy.mobile"),                     # mathematical digits
    ("电话 ＋８６ １３８ １２３４ ５６７８", "privacy.mobile"),
    ("身份证１１０１０５１９４９１２３１００２Ｘ", "privacy.id_number"),
    ("身份证 110105\u200b19491231\u200b002X", "privacy.id_number"),
    (f"卡号 {CARD_16[:4]}\u3000{CARD_16[4:8]}\u3000{CARD_16[8:12]}\u3000{CARD_16[12:]}", "privacy.bank_card"),
])
def test_personal_data_hidden_by_how_it_is_written(tmp_path, value, code):
    # Normalised before matching (NFKC, format characters dropped, any separators between
    # groups): pdftotext reads the zero-width form back as 13800138000, and so does a reader.
    text, data, problems = check_finding(tmp_path, value)
    only(problems, data, code, INSPECTION_PATH, line_of(text, "finding"), col_of(text, value))


@pytest.mark.parametrize("value", [
    "住户电话138****1234",
    "维修资金总额 999999999999999.99 元",                     # a 15-digit amount is not an ID number
    "编号 999999999999999",                                   # nor a 15-digit figure no ID can be
    "金额 13812345678.00 元",                                 # an amount with decimals is money
    "１３８＊＊＊＊１２３４",                                     # masked, in full-width forms
    "物业电话0571-86005678",
    "业委会办公室 010-87654321",
    f"编号{WRONG_ID}",
    f"卡号 {CARD_16[:-1]}{(int(CARD_16[-1]) + 1) % 10}",     # fails Luhn
    "订单号 213812345678",                                    # a mobile inside a longer run
    "订单号 138123456789",
    "编号 12345678901",                                       # 1 then 2: no mobile prefix
    "2025年3月18日 收款 1300000.00 元，凭证 记-2025-018",
    "3号楼1单元 1201室 面积 138.12",
])
def test_not_personal_data(tmp_path, value):
    _, data, problems = check_finding(tmp_path, value)
    assert brief(problems, data) == []


# ---------------------------------------------------------------- anywhere

def test_mobile_in_a_member_name(tmp_path):
    text = edit(COMMITTEE, "name: 丙某", "name: 丙某 13812345678")
    data, problems = run(tmp_path, {COMMITTEE_PATH: text})
    only(problems, data, "privacy.mobile", COMMITTEE_PATH, line_of(text, "丙某"), col_of(text, "丙某"))


def test_mobile_in_an_objection_contact(tmp_path):
    text = edit(PRE_NOTICE, "contact: 业委会办公室 010-87654321", "contact: 李主任 +86 138 1234 5678")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    only(problems, data, "privacy.mobile", PRE_NOTICE_PATH, line_of(text, "contact"), col_of(text, "李主任"))


def test_id_number_on_its_line_of_a_notice_body(tmp_path):
    text = edit(PRE_NOTICE, "  拟使用专项维修资金维修屋面，预算 100000.00 元。\n",
                f"  拟使用专项维修资金维修屋面，预算 100000.00 元。\n  经办人身份证 {ID_NUMBER}。\n")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    only(problems, data, "privacy.id_number", PRE_NOTICE_PATH, line_of(text, ID_NUMBER))


def test_two_numbers_in_one_value_are_both_reported(tmp_path):
    value = f"联系人 13812345678，身份证 {ID_NUMBER}"
    text, data, problems = check_finding(tmp_path, value)
    assert sorted(codes(problems)) == ["privacy.id_number", "privacy.mobile"]
    assert {p.location.line for p in problems} == {line_of(text, "finding")}


def test_personal_data_in_a_file_that_fails_validation(tmp_path):
    text = edit(VOTE, "title: 使用专项维修资金维修屋面", "title: 维修屋面 联系 13812345678")
    text = edit(text, "matter: use_fund", "matter: usefund")
    data, problems = run(tmp_path, {VOTE_PATH: text})
    assert [(p.code, p.location.line) for p in problems] == [("privacy.mobile", 1), ("schema.enum", 2)]


def test_personal_data_in_two_files(tmp_path):
    inspection = finding("住户电话13812345678")
    committee = edit(COMMITTEE, "name: 丙某", f"name: 丙某 {ID_NUMBER}")
    data, problems = run(tmp_path, {INSPECTION_PATH: inspection, COMMITTEE_PATH: committee})
    assert sorted((p.code, p.location.path.rsplit("/", 1)[-1]) for p in problems) == [
        ("privacy.id_number", "committee.yml"), ("privacy.mobile", "2025-fire.yml")]


def test_personal_data_in_an_unknown_field_is_still_found(tmp_path):
    text = INSPECTION + f"contact_phone: {'1' + '3812345678'}\n"
    data, problems = run(tmp_path, {INSPECTION_PATH: text})
    assert sorted(codes(problems)) == ["privacy.mobile", "schema.unknown_field"]


def test_numbers_on_two_lines_of_a_body_are_each_at_their_line(tmp_path):
    text = edit(PRE_NOTICE, "  拟使用专项维修资金维修屋面，预算 100000.00 元。\n",
                "  联系人电话 13812345678。\n  拟使用专项维修资金维修屋面，预算 100000.00 元。\n"
                f"  经办人身份证 {ID_NUMBER}，备用电话 13912345678。\n")
    data, problems = run(tmp_path, {PRE_NOTICE_PATH: text})
    assert [(p.code, p.location.line) for p in problems] == sorted([
        ("privacy.mobile", line_of(text, "13812345678")),
        ("privacy.id_number", line_of(text, ID_NUMBER)),
        ("privacy.mobile", line_of(text, "13912345678")),
    ], key=lambda cl: (cl[1], cl[0]))


def test_hyphenated_mobile_is_found_and_landline_is_not():
    from generator.rules.privacy import find_personal_data

    assert find_personal_data("联系 138-1234-5678") == [("mobile", "138-1234-5678")]
    assert find_personal_data("物业电话 0571-86005678、010-12345678") == []
    assert find_personal_data("2024-03-15至2024-03-20，凭证记-2025-018") == []
