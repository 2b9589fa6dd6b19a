"""Amounts, currencies and tax rates (``boxoffice.money``)."""

MESSAGES = {
    "currency_unknown": ("unknown currency '{currency}'", "未知币种“{currency}”。"),
    "amount_missing": ("Enter an amount.", "请输入金额。"),
    "amount_not_in_currency": (
        "“{text}” is not an amount in {currency}.",
        "“{text}”不是有效的{currency}金额。",
    ),
    "amount_invalid": ("not an amount: '{amount}'", "不是有效的金额：“{amount}”。"),
    "amount_too_precise": (
        "{amount} has more decimal places than {currency} allows ({places})",
        "{amount}的小数位数超过了{currency}允许的位数（{places}位）。",
    ),
    "currency_mismatch": (
        "cannot combine {first} with {second}",
        "不能将{first}与{second}合并计算。",
    ),
    "tax_rate_invalid": ("not a tax rate: '{rate}'", "不是有效的税率：“{rate}”。"),
    "tax_rate_out_of_range": (
        "tax rate must be between 0 and 100 percent, not {rate}",
        "税率须在0至100%之间，不能是{rate}。",
    ),
    "tax_rate_too_precise": (
        "tax rate {rate} has more than two decimal places",
        "税率{rate}的小数超过两位。",
    ),
}
