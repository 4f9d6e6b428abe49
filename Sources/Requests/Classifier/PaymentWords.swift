extension PhraseLexicon {
    /// Words for payments, instalments and invoices in the six languages:
    /// "stop" beside them asks to stop a payment, not the mail
    /// (`RuleBuilder.foreign`). One set for every lexicon, because a short
    /// subject is often read by another language's rules.
    static let paymentWords: Set<String> = [
        // Norwegian
        "faktura", "fakturaen", "fakturaer", "fakturaene", "trekk", "trekket", "trekkene", "trekka", "betaling", "betalingen",
        "betalinger", "betalingene", "betalingar", "purring", "purringer", "purringene", "purringar", "avtalegiro", "avtalegiroen",
        "autogiro", "rate", "ratene", "rater", "avdrag", "avdraget", "avdragene", "kreditering", "belastning", "belastningen",
        // Danish
        "træk", "trækket", "trækning", "trækningen", "trækninger", "trækningerne", "ratebetaling", "ratebetalingen", "raten",
        "raterne", "rykker", "rykkere", "rykkerne", "betalingsservice", "afdrag",
        // Swedish
        "autogirot", "betalningen", "betalning", "betalningar", "fakturan", "fakturor", "avbetalning", "avbetalningen",
        "påminnelsen",
        // German
        "lastschrift", "lastschriften", "zahlung", "zahlungen", "rechnung", "rechnungen", "abbuchung", "abbuchungen",
        "ratenzahlung", "mahnung", "mahnungen",
        // English
        "payment", "payments", "instalment", "instalments", "installment", "installments", "invoice", "invoices", "debit",
        "debits", "charge", "charges", "billing", "dunning", "refund",
    ]
}
