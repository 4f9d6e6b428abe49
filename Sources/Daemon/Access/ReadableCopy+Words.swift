import Requests

extension ReadableCopy {
    /// The page's own words in one reply language (the texts about the data
    /// itself come from the data map).
    struct Words {
        let title: (String) -> String
        let generated: (_ reference: String, _ day: String) -> String
        let howToReadHeading: String
        let howToRead: [String]
        let contentsHeading: String
        let purpose, legalBasis, retention, source, recipients: String
        let specialCategoryTerm, specialCategory: String
        let disclosuresHeading: String
        let disclosureColumns: [String]
        let empty, yes, no, otherDetails: String

        init(_ language: ReplyLanguage) {
            switch language {
            case .nb:
                title = { "Personopplysninger om deg hos \($0)" }
                generated = { "Referanse: \($0). Laget \($1)." }
                howToReadHeading = "Slik leser du denne oversikten"
                howToRead = [
                    "Oversikten har én del for hver kategori av opplysninger vi har om deg. Øverst i hver del står "
                        + "hva vi bruker opplysningene til, grunnlaget for det, hvor lenge vi lagrer dem og hvor de kommer fra.",
                    "Under står opplysningene i en tabell: hver rad er én oppføring, og hver kolonne én type opplysning.",
                    "En strek (–) betyr at feltet er tomt.",
                    "Tidspunkter står som år-måned-dag og klokkeslett, med avviket fra UTC til slutt "
                        + "(+01 er norsk normaltid, +02 sommertid).",
                    "Nummer (kundenummer, løpenummer og lignende) er de interne nummerne vi kjenner oppføringene ved.",
                    "Den samme kopien ligger også ved som en JSON-fil, som andre tjenester kan lese inn.",
                    "Er noe uklart eller feil, kan du svare på e-posten du fikk kopien med.",
                ]
                contentsHeading = "Innhold"
                purpose = "Formål"
                legalBasis = "Behandlingsgrunnlag"
                retention = "Lagringstid"
                source = "Hvor opplysningene kommer fra"
                recipients = "Hvem som får dem"
                specialCategoryTerm = "Særlig kategori"
                specialCategory = "Dette er særlige kategorier av personopplysninger (personvernforordningen artikkel 9)."
                disclosuresHeading = "Hvem vi har delt opplysningene med"
                disclosureColumns = ["Arrangementspartner", "Dato", "Opplysninger som ble delt"]
                empty = "–"
                yes = "Ja"
                no = "Nei"
                otherDetails = "andre opplysninger"
            case .en:
                title = { "Personal data about you held by \($0)" }
                generated = { "Reference: \($0). Made on \($1)." }
                howToReadHeading = "How to read this overview"
                howToRead = [
                    "The overview has one section for each category of data we hold about you. At the top of each section "
                        + "you find why we use the data, our legal basis, how long we keep it and where it comes from.",
                    "Below that, the data is shown in a table: each row is one entry, and each column one kind of detail.",
                    "A dash (–) means that the field is empty.",
                    "Times are written as year-month-day and time of day, followed by the offset from UTC "
                        + "(+01 is Norwegian standard time, +02 summer time).",
                    "Numbers (customer number, entry number and the like) are the internal numbers we know the entries by.",
                    "The same copy is also attached as a JSON file, which other services can read.",
                    "If anything is unclear or wrong, you can reply to the e-mail that brought you this copy.",
                ]
                contentsHeading = "Contents"
                purpose = "Purpose"
                legalBasis = "Legal basis"
                retention = "How long we keep it"
                source = "Where it comes from"
                recipients = "Who receives it"
                specialCategoryTerm = "Special category"
                specialCategory = "These are special categories of personal data (GDPR Article 9)."
                disclosuresHeading = "Whom we have shared your data with"
                disclosureColumns = ["Event partner", "Date", "Details shared"]
                empty = "–"
                yes = "Yes"
                no = "No"
                otherDetails = "other details"
            }
        }
    }
}
