extension PhraseLexicon {
    /// Nynorsk forms the Bokmål lexicon (applied too) does not cover.
    static let nynorsk: PhraseLexicon = {
        var b = RuleBuilder(.nn)
        let data = "opplysning*|personopplysning*|data|informasjon*|konto*|profil*"

        b.vendor("kundane ~1 våre")
        b.withdraw("gløym ~1 det", "ignorer ~3 førre|tidlegare ~2 e|epost*|melding*|førespurnad*")
        b.withdraw("gløym ~2 e|epost*|mail*|melding*|førespurnad*", "tenkjer ~2 på ~2 å ~2 be|sletta|slette|krevje",
                   "ikkje ~1 bestemt ~2 meg ~2 enno|ennå", "ikkje ~2 gjer ~1 noko|noe ~4 før")
        b.erase(1.5, "slett* ~4 \(data)|dataa|meg|alt", "fjern* ~4 namn*|kontakt*|\(data)", "ta ~2 meg ~2 ut|bort ~2 av|frå ~3 *register*|*registera|*system*|*database*")
        b.object(1.4, "motset* ~2 meg", "ikkje ~4 send* ~6 sms*|reklame|tilbod|nyheitsbrev*")
        b.rectify(1.4, "er|vart|blitt ~1 endra|endret ~1 til", "bør|skal|må ~1 endrast|rettast|oppdaterast|endrast", "feil ~1 registrert")
        b.access(1.4, "kva ~3 adresse|namn|telefon*|e|epost* ~3 har ~2 de ~2 registrert|lagra", "kva ~2 veit|har ~2 de ~3 om|på ~1 meg")
        b.rectify(1.2, "bur ~1 no ~1 i|på", "er ~1 det ~1 feil", "har ~2 byrja ~4 jobb ~2 som|i|hjå")
        // "alt sletta", "alt må slettast"; not "viss de alt (already) har sletta han".
        b.erase(1.5, "alt sletta|slettast|fjerna", "alt ~1 må|skal|vert|blir|bli ~1 sletta|slettast|fjerna", "ha ~2 alt ~2 sletta")
        b.erase(1.2, "slett ~1 han|ho")
        b.erase(1.3, "skal|må ~1 slettast|fjernast")
        b.object(1.4, "ikkje ~3 send* ~4 reklame|marknadsføring*|nyheitsbrev*|tilbod|meir",
                 "ikkje ~4 ha ~4 nyheitsbrev*|nyhendebrev*|marknadsføring*|reklame|tilbod",
                 "ikkje ~8 delt|dela|deler|dele ~8 utstillar*|utstiller*|partnar*|sponsor*|andre")
        b.access(1.4, "kva ~5 \(data) ~6 om|registrert|lagra ~2 meg|dykk",
                      "kva ~4 de ~4 lagrar|har|veit|behandlar ~4 om|på ~1 meg",
                 "kva ~3 \(data) ~4 de ~3 har|lagrar|behandlar", "innsyn")
        b.access(1.2, "kva ~3 de ~3 har ~2 lagra|registrert")
        b.rectify(1.4, "endr* ~4 namn*|etternamn*|førenamn*|adresse*|e|telefon*|mobil*|\(data)",
                  "retta ~3 opp", "namnet ~3 feil", "stava ~2 feil", "feilstava", "etternamn*|førenamn*|namn*|adress*|telefon*|nummer* ~4 er|var ~3 feil", "ny|nytt ~2 etternamn|namn ~3 er")
        b.erase(1.5, "sletta|slette|slett ~4 \(data)|alt", "\(data) ~4 sletta|slettast")
        b.object(1.4, "ikkje ~5 del|dele|deler|delast|delt|delte|vert|utlever*|selje|seljast|gje|gjevast ~8 partnar*|samarbeidspartnar*|tredjepart*|andre|sponsor*",
                 "ikkje ~4 motta|få ~4 nyheitsbrev*|nyhendebrev*|marknadsføring*|reklame|tilbod",
                 "reserver* ~4 mot ~4 marknadsføring*|nyheitsbrev*|nyhendebrev*", "meld ~3 meg ~3 av")
        b.add(.onBehalf, 1.0, "på ~1 vegner ~1 av")
        b.add(.relative, 1.0, "sonen|dotter|dottera|mora|faren|kona|mannen ~1 min|mi|mitt")
        b.add(.thirdPartyData, 1.0, "\(data) ~1 hans|hennar|deira", "om ~1 han|ho|henne")
        b.add(.consentWithdrawal, 1.2, "trekkjer ~3 tilbake ~4 samtykke*", "trekk ~3 tilbake ~4 samtykke*")
        b.add(.passingMention, 1.0, "korleis ~3 kan ~1 eg", "eg ~1 veit ~3 eg ~2 kan", "kanskje|truleg ~4 seinare", "på ~1 eit ~1 seinare ~1 tidspunkt")
        b.add(.photo, 1.0, "bilete*|bilde*|foto*|video*")
        b.add(.objectPhoto, 1.0, "bilete*|bilde*|foto* ~3 av ~2 stand|standen|logo|logoen|produkt*|lokal*|kontor* ~1 vår|vårt|våre",
              "bilete*|bilde*|foto* ~3 av ~1 vår|vårt|våre ~2 stand|logo|produkt*|lokal*|kontor*")
        return PhraseLexicon(
            language: .nn, rules: b.rules,
            negations: ["ikkje", "aldri", "ingen", "inga", "utan", "korkje", "ikke"],
            requestMarkers: ["ber", "ønskjer", "ynskjer", "vil", "krev", "gjerne", "kan", "må", "skal", "herved", "venleg", "venlegst"],
            hedges: ["vil", "elles", "viss", "dersom", "kan"]
        )
    }()
}
