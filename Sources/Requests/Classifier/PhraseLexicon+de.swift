extension PhraseLexicon {
    /// German phrases.
    static let german: PhraseLexicon = {
        var b = RuleBuilder(.de)
        let mine = "mich|mein|meine|meiner|meinen|meines|ich|mir|seine|seiner|seines|seinen"
        let data = "daten|personenbezogenen|informationen|infos|angaben|konto|kundenkonto|benutzerkonto|account|profil|kundenprofil|nutzerprofil|benutzerprofil|nutzerkonto|datensätze|namen|ergebnisse"
        // Fragen einer Journalistin, eines Studenten oder einer Forscherin dazu, wie Anfragen bearbeitet werden.
        b.add(.passingMention, 1.0, negatable: true, "presseanfrage", "artikel|umfrage|masterarbeit|bachelorarbeit|beitrag|fragebogen ~4 über|zum|zur",
              "wie ~8 umgehen|bearbeiten|handhaben|behandeln|bearbeitet|behandelt ~3 anfragen|anträge|löschung|löschanfragen|recht|rechte|mit",
              "wenn ~1 jemand|kunden|leute ~2 darum ~1 bittet|bitten|fragt|fragen|verlangt|verlangen")
        // "Sie müssen meine Daten nicht länger speichern."
        b.add(.kind(.erase), 1.3, negatable: false, "!\(data) ~4 nicht ~1 mehr|länger|weiter ~3 speichern|aufbewahren|aufzubewahren|behalten")

        b.withdraw("=bitte ~1 nicht", "=tun|machen ~1 sie ~1 das ~1 nicht")
        b.withdraw("antrag|anfrage|löschantrag|löschanfrage|bitte ~4 ziehe|ziehen ~3 zurück",
                   "ziehe|ziehen ~3 antrag|anfrage|löschantrag|löschanfrage ~4 zurück", "rücknahme ~3 meines|meiner ~2 antrag*|anfrage|löschantrag*",
                   "lassen ~2 sie|ihr ~3 alles ~2 wie ~2 es ~1 ist")
        // "Bitte stoppen Sie die Löschung meines Kontos!", "die Löschung bitte abbrechen".
        b.withdraw("stoppen|stoppt|stopp|abbrechen ~2 löschung|löschvorgang", "löschung|löschvorgang ~2 stoppen|abbrechen|anhalten")
        // A colleague or relative who will write or act themselves.
        b.add(.othersOwnAction, 1.0, "er ~2 wird|will ~8 selbst", "meldet ~2 sich ~3 selbst")
        // "…dürft ihr gern alles über mich entsorgen": the object before the verb, as German puts it.
        b.erase(1.3, "alles|daten|angaben|\(data) ~4 entsorgen|vernichten|tilgen")
        b.withdraw("ignorieren ~3 meine ~2 letzte|vorherige|frühere ~2 mail|e|nachricht|anfrage", "vergessen ~2 sie ~2 meine ~2 letzte|vorherige|gestrige",
                   "vergessen ~2 sie ~2 meine ~1 mail|e|nachricht|anfrage ~1 von|vom ~1 gestern|heute|letzter|letzten|montag|dienstag|mittwoch|donnerstag|freitag", "konto|profil ~1 behalten",
                   "anders ~1 überlegt", "hat ~2 sich ~2 erledigt")
        // "Bitte ignorieren Sie meine Mail von gestern"; a request weighed but
        // not made: "noch nicht entschieden", "unternehmen Sie nichts, bevor…".
        b.withdraw("ignorieren ~3 meine ~1 mail|e|nachricht|anfrage ~1 von|vom ~1 gestern|heute|letzter|letzten|montag|dienstag|mittwoch|donnerstag|freitag",
                   "noch ~1 nicht ~1 entschieden", "nichts ~1 unternehmen|tun|machen ~4 bevor|solange", "überlege ~3 ob")
        // "…weder an Aussteller noch an Sponsoren geben", "geben Sie keinerlei Daten mehr an Partner weiter".
        b.object(1.4, "nicht ~2 mehr ~2 an ~3 aussteller*|partner*|sponsor*|dritte ~3 weiter*",
                 "weder ~3 aussteller*|partner*|sponsor*|dritte ~4 noch", "keine|keinerlei ~4 daten ~3 mehr ~3 an ~4 partner*|aussteller*|sponsor*|dritte",
                 "stellen ~2 sie ~4 werbung|newsletter*|zusendung* ~4 ein",
                 // "Bitte stellt die Werbung an diese Adressen ein", "keine Weitergabe mehr an Aussteller", "lasst mich in Ruhe".
                 "stellt|stell ~3 werbung|werbemails|newsletter*|zusendung* ~8 ein", "keine ~2 weitergabe ~3 an|mehr",
                 "lasst|lassen|lass ~2 mich ~3 in ~1 ruhe")
        // "…ob ich bei euch überhaupt drin bin? Und wenn ja, mit welchen Daten?"
        b.access(1.2, "ob ~2 ich ~4 drin|gespeichert|registriert|erfasst", "mit ~1 welchen ~1 daten")
        b.vendor("unsere ~1 kunden", "wir ~1 helfen", "unser|unseren|unserem|unseres ~2 vertrieb*", "unverbindlich*",
                 "haben|hätten ~2 sie|du ~3 minuten ~8 demo|gespräch|termin|call|austausch", "kostenlos* ~2 demo|test*")
        b.erase(1.5, "vergessen ~2 sie ~2 mich", "lösch* ~3 alles", "in ~3 keiner ~3 datenbank*|datei*|system*|liste* ~3 mehr")
        b.rectify(1.4, "adresse|anschrift|name|nummer|titel ~4 stimmt ~2 nicht ~1 mehr", "die|das|sie|es ~1 stimmt ~1 nicht ~1 mehr", "ändern ~3 sie ~2 sie|es ~1 auf|in|zu")
        let field = "name*|nachname*|vorname*|adresse|anschrift|mailadresse|e|telefon*|handy*|nummer|titel|position|anrede|arbeitgeber*|firma|unternehmen|sprache|geburtsdatum|staatsangehörigkeit|ernährung*|allergie*"
        b.access(1.4, "übersicht ~3 über ~3 \(data)|alle", "welche ~3 infos|daten|informationen ~4 ihr|sie ~3 von|über|zu ~1 mir|mich",
                 "was ~2 wisst|wissen ~2 ihr|sie ~3 über ~1 mich", "schick*|senden|sende|zusenden ~3 mir ~8 gespeichert")
        b.erase(1.5, "entfern*|lösch* ~5 \(mine)|alle ~3 \(data)")
        b.add(.passingMention, 1.0, "es|das|ich ~1 selbst", "danke ~6 bearbeitung|auskunft|antwort|kopie")
        b.erase(1.5, "=löschen")
        b.erase(1.5, "tu*|nehmt|nehmen|nimm ~3 \(data)|alles ~2 weg")
        // "Könnt ihr ihn bitte plattmachen"; "ich möchte nicht mehr in Ihrer Datenbank stehen".
        b.erase(1.4, "\(data)|ihn|es|alles ~3 plattmachen|plattmacht",
                "nicht ~2 mehr ~3 in ~3 *datenbank*|*kartei*|*system*|*verzeichnis* ~3 stehen|sein|gespeichert|geführt")
        // "Unterlagen vernichten".
        b.erase(1.4, "vernicht* ~4 \(mine)|\(data)|unterlagen|bewerbung*", "\(data)|unterlagen|bewerbung* ~4 vernichten|vernichtet")
        b.access(1.3, "welche ~3 angaben|daten|informationen|infos ~8 besitzen|haben|speichern|gespeichert|vorliegen|verarbeiten|habt",
                 "aus ~2 welcher ~1 quelle")
        b.rectify(1.3, "update|aktualisierung ~4 unterlagen|daten|profil|system")
        b.object(1.4, "werbe*|mails|angebot*|newsletter* ~8 nicht ~2 mehr ~3 bekommen|erhalten|haben")
        b.vendor("hätten ~2 sie ~2 interesse", "kurzes|kurzen ~1 gespräch|telefonat|call|austausch", "unverbindlich*")
        b.erase(1.4, "soll|sollen|muss|müssen ~4 gelöscht|entfernt ~1 werden", "profilbild*|*foto*|bild|bilder ~8 gelöscht|entfernt|löschen|entfernen")
        b.erase(1.3, "lösch* ~3 anschließend|danach|dann|vollständig|komplett|restlos|endgültig|dauerhaft")
        b.access(1.2, "was ~4 ihr|sie|du ~4 über ~1 mich ~3 gespeichert|wisst|wissen|habt|haben", "wen|wem ~4 weitergegeben|gegeben|verkauft|übermittelt|geteilt")
        b.object(1.4, "=abmelden|=abmelde|=abbestellen|=austragen", "streich*|nehm*|nimm ~2 mich ~3 aus ~4 verteiler*|*liste*|newsletter*",
                 "hört|hören ~2 bitte ~1 auf", "angebot*|werbung|newsletter* ~8 nicht ~2 mehr ~3 bekommen|erhalten|haben",
                 "geben ~6 nicht ~4 weiter")
        b.rectify(1.4, "ändert|ändern|ändere ~2 das|es|dies ~1 auf|in|zu", "statt ~3 eintragen|einzutragen")
        b.object(1.4, "meld* ~2 mich ~3 vom|von ~2 newsletter* ~1 ab", "übermittel*|weitergeb*|teil*|verkauf* ~6 nicht ~2 an ~3 dritte*|partner*|sponsor*|kooperationspartner*|andere",
                 "hört|hören ~3 auf ~6 newsletter*|werbung|mails|schicken|senden", "sperr* ~4 \(data) ~3 werb*",
                 "stopp*|stop ~4 newsletter*|werbung|mails|sms", "keine ~4 anrufe|anruf*|mails|sms",
                 "nicht ~8 weitergeben|weitergegeben|verkaufen|verkauft|teilen|geteilt|übermitteln|übermittelt", "verwendung ~4 werbe*")
        b.rectify(1.4, "ändern|ändert|ändere|aktualisier*|anpassen ~4 \(field)", "\(field) ~4 ist|sind|war ~3 falsch|veraltet|fehlerhaft",
                  "bitte ~3 anpassen|korrigieren|ändern|berichtigen", "von ~4 auf ~3 ändern")
        b.access(1.4, "auskunft*", "auskunftsersuchen", "auskunftsanfrage", "kopie ~4 \(data)", "artikel|art 15",
                      "artikel|art 20",
                 "datenübertragbarkeit", "maschinenlesbar*", "welche ~4 \(data) ~6 über ~1 mich", "welche ~4 \(data) ~4 sie ~4 gespeichert|verarbeiten|speichern|haben|vorliegen", "wissen ~3 welche|was ~4 \(data)|sie ~4 gespeichert|speichern|haben",
                 "zugang|zugriff ~3 zu ~3 \(mine) ~3 \(data)", "einsicht ~3 in ~3 \(mine)|\(data)",
                 "was ~3 sie ~4 über ~1 mich ~3 gespeichert|wissen|speichern")
        b.rectify(1.2, "statt|anstatt ~8 soll|sollte|muss ~3 stehen|lauten|heißen", "ersetz* ~6 durch|mit")
        b.rectify(0.8, "korrigier*")
        b.rectify(1.4, "berichtig*",
                       "ändern|ändert|änderung|aktualisier* ~4 name*|nachname*|vorname*|adresse|anschrift|e|telefon*|handy*|nummer|\(data)|titel|berufsbezeichnung|arbeitgeber*|firma|unternehmen|staatsangehörigkeit|nationalität|allergie*|ernährung*",
                  "name*|nachname*|vorname*|adresse|anschrift|telefon*|handy*|nummer|titel|arbeitgeber*|firma|staatsangehörigkeit|nationalität ~4 ändern|geändert|aktualisieren",
                  // Verb last, maybe after two addresses (each several words): "…meine E-Mail-Adresse bitte von A auf B umstellen".
                  "mail*|mailadresse|adresse|anschrift|name*|nachname*|nummer|handy*|telefon* ~14 umstellen|ändern|korrigieren|anpassen|austauschen",
                  "\(data)|name*|nachname*|vorname*|adresse|anschrift|e|telefon*|handy*|nummer|titel|arbeitgeber*|staatsangehörigkeit|allergie*|angaben ~4 ist|sind|war ~3 falsch|fehlerhaft|unrichtig|veraltet|unvollständig",
                  "falsch ~1 geschrieben", "unrichtig* ~3 \(data)",
                  "neue ~2 adresse|telefonnummer|handynummer|e|anschrift|nachname ~3 lautet|ist", "artikel|art 16",
                  "neue|neuen ~1 adresse|anschrift|telefonnummer|handynummer|e|nachname|nachnamen", "umgezogen",
                  "habe ~3 neue|neuen ~2 telefonnummer|handynummer|nummer|adresse|anschrift|e|nachnamen|namen|arbeitgeber|job")
        b.erase(1.5, "lösch* ~4 \(mine) ~4 \(data)|alle", "lösch* ~3 \(data)|alle", "\(data) ~4 lösch*|gelöscht",
                "löschung ~3 \(mine)|aller ~3 \(data)", "löschung ~2 \(mine)", "löschantrag", "löschersuchen", "löschbegehren",
                "entfern* ~3 \(mine) ~3 \(data)|aus", "recht ~2 auf ~2 vergessenwerden",
                "!mache ~4 recht ~4 löschung ~3 geltend",
                "artikel|art 17", "vergessenwerden")
        b.erase(0.9, "sie ~1 diese|sie ~2 löschen|entfernen")
        b.erase(1.2, "lösch*|entfern* ~2 mich")
        b.erase(1.5, "löschung ~4 vornehmen|vorzunehmen|durchführen|durchzuführen|veranlassen",
                "antrag|ersuchen|verlangen|bitte|aufforderung|ersuche|verlange|beantrage ~3 auf|um|zur|die ~2 löschung")
        b.erase(1.5, "lösch*|entfern* ~4 foto*|bild|bilder|video*",
                     "foto*|bild|bilder|video* ~8 löschen|entfernen|gelöscht|entfernt")
        b.object(1.4, "widersprech*|widerspruch|widerspreche ~5 verarbeitung|werbung|nutzung|weitergabe|dies|gegen|profiling",
                 "widerspruch", "artikel|art 21", "^abmeld*", "^abbestell*",
                 "mich|möchte|bitte|will ~4 abmelden|abbestellen|austragen", "abmeldung ~3 vom|von|aus",
                 "newsletter ~3 abbestellen|abmelden|austragen|abmeldung",
                 "keine ~4 werbung|newsletter*|angebot*|marketing*|werbemails|werbe*",
                 "nicht ~5 weitergeben|weitergegeben|verkaufen|verkauft|teilen|geteilt|übermitteln|übermittelt",
                 "nicht ~6 an ~3 dritte*|partner*|werbepartner*|sponsor*|andere|unternehmen|firmen ~3 weiter*|verkauf*|übermittel*|geteilt|teilen",
                 "weitergabe ~4 an ~3 dritte|partner*", "untersage|verbiete ~4 weitergabe|verkauf|nutzung|verarbeitung",
                 "direktwerbung", "einschränkung ~3 verarbeitung", "verarbeitung ~6 einschränken|eingeschränkt|einzuschränken")
        // "Ich mache mein Recht auf … geltend / von meinem Recht … Gebrauch": a request.
        b.access(1.5, "!recht ~3 auskunft|datenübertragbarkeit ~5 geltend|gebrauch", "!mein ~1 recht ~2 auf ~2 auskunft|datenübertragbarkeit")
        b.rectify(1.5, "!recht ~3 berichtigung ~5 geltend|gebrauch")
        b.erase(1.5, "!recht ~3 löschung|vergessenwerden ~5 geltend|gebrauch")
        b.object(1.5, "!widerspruchsrecht ~5 geltend|gebrauch", "!recht ~3 widerspruch|einschränkung ~5 geltend|gebrauch")
        b.add(.consentWithdrawal, 1.2, "widerruf* ~5 einwilligung*", "einwilligung* ~5 widerruf*|zurück",
                                       "einverständnis ~4 widerruf*|zurück")
        b.add(.onBehalf, 1.0, "im ~1 namen ~1 von|meines|meiner|des|der|unseres|unserer",
                              "im ~1 auftrag ~1 von|meines|meiner|des|der",
              "für ~1 meinen|meine ~1 sohn|tochter|mutter|vater|mandant*|frau|mann|kind",
              "meines ~1 sohnes|mandanten|vaters|kindes",
              "meiner ~1 tochter|mutter|mandantin|frau", "vollmacht", "vormund*", "erziehungsberechtigt*", "betreuer*", "nachlass*",
              "erbe|erben|erbin")
        b.add(.relative, 1.0, "mein|meine|meinen|meiner ~1 sohn|tochter|kind|mutter|vater|frau|mann",
                              "vater|mutter|eltern ~1 von")
        b.add(.thirdPartyData, 1.0, "seine|seiner|seinen ~2 daten|konto|account|angaben|fotos", "über ~1 ihn|sie ~3 gespeichert")
        b.add(.dietary, 1.0, "*allergi*", "ernährung*", "unverträglichkeit*", "vegetar*", "vegan*", "gluten*", "laktose*", "diät*",
                             "speiseplan*")
        b.add(.complaint, 1.5, "beschwerde ~4 gemäß|nach|art|artikel|gegen|einlegen|ein", "reiche ~3 beschwerde",
                               "hiermit ~4 beschwerde",
              "geehrte ~3 aufsichtsbehörde|datenschutzbehörde")
        b.add(.legalHold, 1.5, "aufbewahr* ~4 beweis*|unterlagen|dokumente", "beweissicherung",
                               "nicht ~3 löschen ~4 unterlagen|beweis*")
        b.add(.publicRecords, 1.5, "informationsfreiheitsgesetz*", "ifg")
        // Mail disclaimers ("if you received this in error, delete it") ask nothing of us.
        // "Delete my old e-mail address" replaces a value: a rectification, not an erasure.
        b.add(.nonErasureContext, 1.0, "alte|alten|alter|bisherige*|frühere* ~1 e|adresse|anschrift|telefon*|handy*|nummer|namen|nachnamen|titel|arbeitgeber")
        b.add(.passingMention, 2.5, "irrtümlich*", "vertraulich*", "absender*", "adressat*")
        b.add(.passingMention, 2.5, "zur ~1 folge", "folgen ~2 hätte|haben")
        b.add(.nonErasureContext, 1.0, "aus ~3 newsletter*|verteiler*|*liste*|mailingliste*|*gruppe*|*chat*")
        b.add(.eventList, 1.0, "teilnehmerliste*|teilnehmerlisten|gästeliste*|warteliste*|anmeldeliste*|teilnehmerverzeichnis*|buchung|buchungen")
        b.add(.passingMention, 1.0, "ich ~1 weiß ~4 ich ~3 kann", "vielleicht|eventuell ~4 später", "zu ~1 einem ~1 späteren ~1 zeitpunkt", "wie ~3 kann ~1 ich",
              "datenschutzerklärung", "wenn|falls ~1 sie ~4 keine|nicht|möchten", "klicken",
              "sie ~2 können ~3 abmelden|abbestellen", "sie ~1 haben ~1 das ~1 recht", "bestehen* ~4 recht*",
              "recht* ~2 auf ~4 berichtigung|löschung|einschränkung|widerspruch|beschwerde|auskunft|datenübertragbarkeit")
        b.add(.photo, 1.0, "foto*|bild|bilder|video*")
        b.add(.objectPhoto, 1.0,
              "foto*|bild|bilder ~3 von ~1 unserem|unserer|unseren|unseres ~2 messestand|stand|logo|firmenlogo|produkt*|gebäude|firmengebäude|büro*",
              "produktfoto*|produktbild*")
        b.concepts(.german)
        // Everyday wording: "könnt ihr alles, was zu meiner Person da ist,
        // rausnehmen?", "bitte komplett entfernen", "aus eurem System schmeißen",
        // "könnt ihr mich einfach vergessen?", "bitte kein nl mehr",
        // "den Newsletter braucht ihr nicht mehr zu schicken".
        // "…die Nummer und den Rest von mir aus eurem System schmeißen", "dass ihr mich aus eurer Helferdatenbank
        // tilgt"; not "die alte Rechnung aus dem System löschen": what goes is the person or their data.
        b.erase(1.4, "mich|alles|rest|nummer|\(data) ~6 aus ~3 *system*|*datenbank*|*kartei*|*verzeichnis* ~2 schmeißen|schmeissen|schmeißt|schmeisst|werfen|nehmen|tilgen|tilgt|löschen|löscht|entfernen|entfernt|streichen|streicht")
        b.erase(1.4, "alles|daten|mich ~8 rausnehmen|herausnehmen|rauslöschen|rauswerfen|rausschmeißen|rausschmeissen",
                "mich ~3 vergessen|vergesst", "vergesst|vergessen ~2 mich")
        // "Bitte komplett entfernen"; "wie Sie Daten vollständig löschen" only says how.
        b.erase(1.3, "bitte ~2 komplett|vollständig|ganz|restlos ~1 entfernen|löschen",
                "konto|kundenkonto|benutzerkonto|nutzerkonto|profil|account ~5 aufgelöst ~1 wird|werden", "konto|kundenkonto|benutzerkonto|nutzerkonto|profil|account ~5 auflösen")
        b.object(1.3, "kein|keine ~1 nl|newsletter|werbung|mails|sms ~2 mehr",
                 "newsletter*|werbung|mails|sms ~8 nicht ~1 mehr ~3 schicken|senden|zusenden|zuschicken")
        b.articleLists("und|sowie")
        return PhraseLexicon(
            language: .de, rules: b.rules,
            negations: ["nicht", "kein", "keine", "keinen", "keiner", "keines", "nie", "niemals", "ohne", "weder", "statt",
                        "anstatt", "nichts"],
            requestMarkers: ["bitte", "ersuche", "fordere", "verlange", "beantrage", "möchte", "möchten", "will", "wünsche",
                             "hiermit",
                             "sollen", "soll", "können", "könnten", "müssen", "würde", "würden", "bitten", "gerne", "gern"],
            hedges: ["werde", "andernfalls", "sonst", "wenn", "falls", "behalte", "vorbehalten", "könnte"]
        )
    }()
}
