import Foundation
import Store
import Testing

/// A mail is carried out only when all it asks is understood: one with a
/// demand in words dsrd does not understand goes to a person, one that takes
/// its request back under the old subject opens nothing, and the same plain
/// erasure request alone is received as usual.
extension LiveStackTests {
    @Suite struct UnderstoodOrReviewedIntegrationTests {
        private func mail(from person: String, to notices: String, subject: String, body: String) -> [UInt8] {
            Array(([
                "From: \(person)", "To: \(notices)", "Subject: \(subject)",
                "Message-ID: <understood-\(UUID().uuidString)@example.no>", "Date: Sun, 06 Dec 2026 10:00:00 +0100",
                "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            ].joined(separator: "\r\n") + "\r\n" + body).utf8)
        }

        /// Per mail the harness recorded, in order: "OUTCOME STATE KINDS"
        /// ("-" where the mail opened no request).
        private func recorded(by harness: IntakeHarness) async throws -> [String] {
            let rows = try await harness.database.query("""
                SELECT i.outcome, r.state, r.kinds::text AS kinds FROM dsr.inbound i
                LEFT JOIN dsr.request_messages m ON m.inbound_id = i.id AND m.role = 'request'
                LEFT JOIN dsr.requests r ON r.id = m.request_id
                WHERE i.mailbox = $1 ORDER BY i.id
                """, [.text(harness.notices + "/INBOX")]).rows
            return rows.map { "\($0["outcome"] ?? "-") \($0["state"] ?? "-") \($0["kinds"] ?? "-")" }
        }

        @Test func aDemandNotUnderstoodGoesToAPersonAndAWithdrawalOpensNothing() async throws {
            let harness = try IntakeHarness()
            let plain = LocalStack.uniqueAddress("liv", domain: "example.no")
            let partly = LocalStack.uniqueAddress("tor", domain: "example.no")
            let withdrawn = LocalStack.uniqueAddress("siri", domain: "example.no")
            _ = try await harness.record(mail(from: plain, to: harness.notices, subject: "Konto",
                                              body: "Hei, vennligst slett kontoen min.\r\n"), uid: 1)
            _ = try await harness.record(mail(from: partly, to: harness.notices, subject: "Konto",
                                              body: "Hei, vennligst slett kontoen min. Og vennligst frobniser personopplysningene mine hos sponsorene.\r\n"),
                                         uid: 2)
            _ = try await harness.record(mail(from: withdrawn, to: harness.notices, subject: "SV: Slett kontoen min",
                                              body: "Glem det, jeg vil beholde kontoen likevel.\r\n"), uid: 3)
            let seen = try await recorded(by: harness)
            // Carried out as usual / a person decides / no request.
            #expect(seen.count == 3, "\(seen)")
            #expect(seen.first == "request received {erase}")
            #expect(seen.dropFirst().first == "request needs_review {erase}")
            #expect(seen.last?.contains("erase") == false, "\(seen)")
            let toWithdrawn = try await harness.database.query(
                "SELECT count(*) AS n FROM dsr.outbox WHERE $1 = ANY(recipients)", [.text(withdrawn)]).first?.int("n")
            #expect(toWithdrawn == 0)
        }

        /// A reply that thanks for an erasure already done, under our
        /// confirmation's subject, opens no erasure; a reply under the same
        /// subject that still asks for one is received as a request.
        @Test func thanksForAnErasureDoneOpensNoErasure() async throws {
            let harness = try IntakeHarness()
            let thanks = LocalStack.uniqueAddress("oda", domain: "example.no")
            let again = LocalStack.uniqueAddress("per", domain: "example.no")
            _ = try await harness.record(mail(from: thanks, to: harness.notices, subject: "SV: Dine opplysninger er slettet",
                                              body: "Tusen takk, det var raskt!\r\n"), uid: 1)
            _ = try await harness.record(mail(from: again, to: harness.notices, subject: "SV: Dine opplysninger er slettet",
                                              body: "Takk for svaret. Jeg vil ha alle opplysningene mine slettet.\r\n"), uid: 2)
            let seen = try await recorded(by: harness)
            #expect(seen.count == 2, "\(seen)")
            #expect(seen.first?.contains("erase") == false, "\(seen)")
            #expect(seen.last.map { $0.hasPrefix("request ") && $0.hasSuffix(" {erase}") } == true, "\(seen)")
        }

        /// "Ignore my mail from yesterday" under the old erasure subject, and an
        /// erasure only weighed ("not asking you to delete anything yet"),
        /// open no erasure; the plain request under the same kind of subject does.
        @Test func aRequestTakenBackOrNotYetMadeOpensNoErasure() async throws {
            let harness = try IntakeHarness()
            let ignored = LocalStack.uniqueAddress("carsten", domain: "example.com")
            let weighing = LocalStack.uniqueAddress("anastasia", domain: "example.com")
            let asking = LocalStack.uniqueAddress("fiona", domain: "example.com")
            _ = try await harness.record(mail(from: ignored, to: harness.notices, subject: "Re: Löschung meines Kontos",
                                              body: "Bitte ignorieren Sie meine Mail von gestern Abend. Ich will doch nicht gelöscht werden.\r\n"),
                                         uid: 1)
            _ = try await harness.record(mail(from: weighing, to: harness.notices, subject: "question about deleting account",
                                              body: "I'm thinking about deleting my account, but first I want to understand how it works. "
                                                + "I'm not asking you to delete anything yet.\r\n"), uid: 2)
            _ = try await harness.record(mail(from: asking, to: harness.notices, subject: "Delete my account",
                                              body: "Please delete my account and everything you hold on me.\r\n"), uid: 3)
            let seen = try await recorded(by: harness)
            #expect(seen.count == 3, "\(seen)")
            #expect(seen.prefix(2).allSatisfy { !$0.contains("erase") }, "\(seen)")
            #expect(seen.last.map { $0.hasPrefix("request ") && $0.hasSuffix(" {erase}") } == true, "\(seen)")
        }

        /// "You need not send me marketing any more" is an objection recorded
        /// as one; "you need not send the copy after all", in reply to an
        /// access request, takes that request back: it asks for no kind.
        @Test func noNeedToSendMarketingAnyMoreOpensAnObjection() async throws {
            let harness = try IntakeHarness()
            let objecting = LocalStack.uniqueAddress("ingrid", domain: "example.no")
            let withdrawing = LocalStack.uniqueAddress("halvor", domain: "example.no")
            _ = try await harness.record(mail(from: objecting, to: harness.notices, subject: "Nyhetsbrev",
                                              body: "Hei, dere trenger ikke sende meg nyhetsbrevet lenger. Mvh Ingrid\r\n"), uid: 1)
            _ = try await harness.record(mail(from: withdrawing, to: harness.notices, subject: "Re: Innsyn",
                                              body: "Hei igjen. Dere trenger ikke sende kopien likevel, jeg fant den. Hilsen Halvor\r\n"),
                                         uid: 2)
            let seen = try await recorded(by: harness)
            #expect(seen.count == 2, "\(seen)")
            // Read by the rules, so received as usual (taken back, the kind model alone would send it to review).
            #expect(seen.first == "request received {object}", "\(seen)")
            #expect(seen.last.map { $0.hasSuffix(" {}") } == true, "\(seen)")
        }

        /// A mail from a fictional person of that name at that domain.
        private struct Letter {
            let name: String
            let domain: String
            let subject: String
            let body: String
        }

        /// Records the near misses, then the honest request, each from its
        /// own person: none of the near misses opens an erasure, and the
        /// honest one is received as an erasure request.
        private func expectNoErasure(from nearMisses: [Letter], butFrom honest: Letter) async throws {
            let harness = try IntakeHarness()
            for (number, letter) in (nearMisses + [honest]).enumerated() {
                let person = LocalStack.uniqueAddress(letter.name, domain: letter.domain)
                _ = try await harness.record(mail(from: person, to: harness.notices, subject: letter.subject, body: letter.body + "\r\n"),
                                             uid: UInt64(number + 1))
            }
            let seen = try await recorded(by: harness)
            #expect(seen.count == nearMisses.count + 1, "\(seen)")
            #expect(seen.dropLast().allSatisfy { !$0.contains("erase") }, "\(seen)")
            #expect(seen.last == "request received {erase}", "\(seen)")
        }

        /// A sales pitch forwarded as an attachment: its own erasure words open
        /// no erasure under a note that asks for a copy; a note that objects to
        /// sharing opens its objection (before, the pitch made it no request).
        @Test func aPitchForwardedAsAnAttachmentOpensOnlyWhatTheNoteAsks() async throws {
            let harness = try IntakeHarness()
            func forwarding(_ note: String, pitch: String, from person: String) -> [UInt8] {
                Array(([
                    "From: \(person)", "To: \(harness.notices)", "Subject: Henvendelser fra utstillere",
                    "Message-ID: <pitch-\(UUID().uuidString)@example.no>", "Date: Sun, 06 Dec 2026 10:00:00 +0100",
                    "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b1\"", "",
                    "--b1", "Content-Type: text/plain; charset=utf-8", "", note, "",
                    "--b1", "Content-Type: message/rfc822", "",
                    "From: Frode Lien <frode.lien@example.com>", "To: \(person)", "Subject: Hyggelig å se deg!",
                    "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "",
                    "Hei! \(pitch) Har du tid til en kort prat neste uke?", "", "Med vennlig hilsen", "Frode Lien", "Key Account Manager", "",
                    "--b1--", "",
                ].joined(separator: "\r\n")).utf8)
            }
            let pitch = "Vi sletter alle personopplysningene dine og kontoen din for deg på sekunder."
            _ = try await harness.record(forwarding("Jeg vil gjerne ha innsyn i hva dere har registrert om meg. Se ellers vedlagt e-post.",
                                                    pitch: pitch, from: LocalStack.uniqueAddress("eirik", domain: "example.no")), uid: 1)
            _ = try await harness.record(forwarding("Jeg har fått henvendelser fra utstillere, se vedlagt e-post. Jeg vil ikke at navnet mitt "
                                                        + "eller arbeidsgiveren min gis videre til utstillere eller andre partnere.",
                                                    pitch: "Er du interessert i de nye stillasløsningene våre?",
                                                    from: LocalStack.uniqueAddress("frida", domain: "example.no")), uid: 2)
            let seen = try await recorded(by: harness)
            #expect(seen == ["request received {access}", "request received {object}"], "\(seen)")
        }

        /// A journalist who writes that participants do not know their data
        /// "kan bli liggende i årevis", and a copy request from someone whose
        /// PC was wiped ("alt vart sletta"), opened an erasure at or above the
        /// review threshold; a rejected applicant's "vil ikkje at … skal bli
        /// liggjande hos dykk. Kast dei" still opens one.
        @Test func aJournalistAndAWipedComputerOpenNoErasure() async throws {
            try await expectNoErasure(
                from: [
                    Letter(name: "eirin", domain: "example.no", subject: "Henvendelse fra journalist – sletting av deltakerdata",
                           body: "Hei, jeg jobber med en sak om hvordan arrangører håndterer persondata. Mange deltakere vet ikke at "
                               + "resultatlister, bilder og allergiopplysninger kan bli liggende i årevis. Hvor lenge lagrer dere "
                               + "deltakeropplysninger? Hvor mange forespørsler om sletting fikk dere i fjor? Eirin"),
                    Letter(name: "audun", domain: "example.no", subject: "Kopi av opplysningane mine",
                           body: "Hei, PC-en min vart nullstilt etter eit virusåtak, og alt vart sletta, også kvitteringar frå dykk. "
                               + "Kan de sende meg ein kopi av alt de har registrert om meg? Takk, Audun"),
                ],
                butFrom: Letter(name: "sander", domain: "example.no", subject: "Søknaden min",
                                body: "Hei, eg fekk ikkje jobben, og det er heilt greitt. Eg vil likevel ikkje at søknaden og CV-en min "
                                    + "skal bli liggjande hos dykk. Kast dei, takk. Sander"))
        }

        /// "Kan dere sette meg på igjen?" ("put me back on") is one letter from
        /// "slette meg" ("delete me"): it opens no erasure, while a real slip of
        /// the cue word still asks for one.
        @Test func aRealWordOneLetterFromAnErasureCueOpensNoErasure() async throws {
            try await expectNoErasure(
                from: [Letter(name: "petra", domain: "example.no", subject: "Avmeldt ved en feil",
                              body: "Hei, jeg meldte meg av ved en feil. Kan dere sette meg på igjen? Mvh Petra")],
                butFrom: Letter(name: "tor", domain: "example.no", subject: "Konto", body: "Hei, kan dere slete meg fra registeret deres? Mvh Tor"))
        }

        /// Everyday erasure words about something else open no erasure: a
        /// colleague taken off a booking, a double invoice "got rid of";
        /// the person's own data "picked out" of the systems still does.
        @Test func everydayErasureWordsAboutOtherThingsOpenNoErasure() async throws {
            try await expectNoErasure(
                from: [
                    Letter(name: "kristina", domain: "example.org", subject: "Avbokning",
                           body: "Hej! Vi har bokat fyra platser. Kan ni ta bort honom från bokningen och kreditera oss?"),
                    Letter(name: "ragnar", domain: "example.no", subject: "Faktura",
                           body: "Hei, vi fikk to like fakturaer. Kan dere kvitte dere med den doble fakturaen?"),
                ],
                butFrom: Letter(name: "johanna", domain: "example.org", subject: "Mina uppgifter",
                                body: "Hej! Kan ni plocka bort mina personuppgifter helt? Vänliga hälsningar Johanna"))
        }

        /// An exhibitor asking to take down the photo of its stand opens no
        /// erasure; a person asking to take down a photo of herself, taken
        /// at a stand, does.
        @Test func aPhotoOfAnExhibitorsStandOpensNoErasure() async throws {
            try await expectNoErasure(
                from: [Letter(name: "jonas", domain: "example.org", subject: "Foto Messestand",
                              body: "Guten Tag, auf Ihrer Seite ist ein Foto von unserem Messestand mit altem Logo. "
                                + "Können Sie das Foto bitte entfernen? Grüße, Jonas")],
                butFrom: Letter(name: "laura", domain: "example.com", subject: "Photo of me",
                                body: "Hello, there is a photo of me at your stand in the gallery. Please remove it. Laura"))
        }

        /// Taken out of a group chat for volunteers: no erasure is opened;
        /// "out of all your systems" still opens one.
        @Test func leavingAGroupOpensNoErasure() async throws {
            try await expectNoErasure(
                from: [Letter(name: "ola", domain: "example.no", subject: "Fjern meg fra gruppen",
                              body: "Hei, kan dere fjerne meg fra Facebook-gruppen for frivillige? Jeg har flyttet. Mvh Ola")],
                butFrom: Letter(name: "siri", domain: "example.no", subject: "Sletting", body: "Hei, slett meg fra alle systemene deres. Mvh Siri"))
        }

        /// Three near misses that opened an erasure before: the old number of
        /// a correction "removed from the profile", "please do NOT do it" under
        /// an old reply subject and our own quoted sentence, and a sales pitch
        /// for a privacy portal; ending the keeping of one's data still opens one.
        @Test func anOldValueATakenBackRequestAndASalesPitchOpenNoErasure() async throws {
            try await expectNoErasure(
                from: [
                    Letter(name: "svein", domain: "example.no", subject: "Nytt mobilnummer",
                           body: "Hei, jeg har fått nytt nummer: (+47) 401-23-456. Det gamle kan dere bare fjerne fra profilen. Mvh Svein"),
                    Letter(name: "hanna", domain: "example.org", subject: "Re: Radera mitt konto",
                           body: "Ni skrev «Vi kommer att radera ditt konto och alla tillhörande uppgifter inom 30 dagar». "
                               + "Snälla, gör INTE det! Inloggningen fungerar igen. Hanna"),
                    Letter(name: "trond", domain: "example.no", subject: "Handterer de innsynskrav manuelt?",
                           body: "Hei, me har laga ein portal der deltakarane sjølve kan sjå innsyn, rette namn og slette profilen sin. "
                               + "Har de 20 minutt neste veke til ein kort demo? Venleg helsing Trond"),
                ],
                butFrom: Letter(name: "anneli", domain: "example.org", subject: "Avslutad firma",
                                body: "Hej, firman är avregistrerad. Det finns ingen anledning för er att ha kvar något om mig. Anneli"))
        }

        /// Four near misses that opened an erasure at or above the review
        /// threshold before: "stop the deletion" under our reply's subject, a
        /// product photo to replace, an old number named before the verb, and
        /// a deletion tool's free trial in nynorsk; a request to stop ignoring
        /// a deletion request still opens one.
        @Test func aStoppedDeletionAProductPhotoAndATrialOpenNoErasure() async throws {
            try await expectNoErasure(
                from: [
                    Letter(name: "stefan", domain: "example.org", subject: "AW: Ihr Antrag auf Löschung",
                           body: "Guten Tag, bitte stoppen Sie die Löschung meines Kontos! Das Problem hat sich geklärt. "
                               + "Ich möchte mein Konto behalten. Stefan"),
                    Letter(name: "katrin", domain: "example.org", subject: "Falsches Produktfoto im Ausstellerkatalog",
                           body: "Im Katalog ist bei unserem Eintrag ein altes Produktfoto. Bitte löschen Sie dieses Bild und "
                               + "ersetzen Sie es durch das neue. Katrin"),
                    Letter(name: "carsten", domain: "example.org", subject: "Neue Handynummer",
                           body: "Hallo, meine Handynummer hat sich geändert. Neu ist: 030 23125 417. "
                               + "Bitte die alte Nummer (069 90009 233) aus meinem Profil löschen. Carsten"),
                    Letter(name: "magnus", domain: "example.no", subject: "Slettar de personopplysningar for hand?",
                           body: "Hei! Vi har laga eit verktøy som finn og slettar personopplysningar på tvers av system. "
                               + "Vi tilbyr 30 dagar gratis prøvetid. Har de tid til ein kort demo i neste veke? Magnus"),
                ],
                butFrom: Letter(name: "grace", domain: "example.com", subject: "Still waiting",
                                body: "Please stop ignoring my deletion request and delete my account now. Grace"))
        }

        /// Six more near misses that opened an erasure at or above the review
        /// threshold: a request from Monday's mail taken back in a later
        /// sentence (in English, and in nynorsk with "viss de alt har sletta
        /// han"), a thesis's questions about erasure, a payment agreement
        /// "stoppes og slettes", an invoice "aus dem System löschen", and a
        /// gallery picture of only a product;
        /// "I wrote on Monday … and have heard nothing" still opens one.
        @Test func aTakenBackMailAThesisAPaymentAndAProductOpenNoErasure() async throws {
            try await expectNoErasure(
                from: [
                    Letter(name: "margaret", domain: "example.com", subject: "My email of Monday",
                           body: "On Monday I wrote asking you to erase all my information. Please disregard that request, "
                               + "I would like to keep my profile. Margaret"),
                    Letter(name: "torbjorn", domain: "example.no", subject: "Angrar på førre e-post",
                           body: "Hei att, eg bad dykk i førre veke om å slette profilen min. Ver snill og la kontoen vere som han er. "
                               + "Viss de alt har sletta han, kan de seie frå? Torbjørn"),
                    Letter(name: "alva", domain: "example.org", subject: "Examensarbete om radering",
                           body: "Hej, jag skriver mitt examensarbete om hur företag hanterar rätten att bli raderad. "
                               + "Hur tar ni emot begäranden om radering? Raderas uppgifterna även i säkerhetskopior? Alva"),
                    Letter(name: "bjorg", domain: "example.no", subject: "Avtalegiro",
                           body: "Firmaet vårt avsluttet medlemskapet, men det ble likevel trukket penger. Vi ber om at avtalegiroen "
                               + "stoppes og slettes, og at beløpet tilbakeføres. Det gjelder kun betalingsavtalen. Bjørg"),
                    Letter(name: "jonas", domain: "example.org", subject: "Doppelte Rechnung",
                           body: "Hallo, Sie haben uns die Rechnung zweimal geschickt. Bitte die alte Rechnung aus dem System löschen. Jonas"),
                    Letter(name: "harriet", domain: "example.com", subject: "Photo in the gallery",
                           body: "Could you delete that picture of our grill pan from the gallery? "
                               + "None of our staff are in it, it is only the product. Harriet"),
                ],
                butFrom: Letter(name: "edith", domain: "example.com", subject: "Still waiting",
                                body: "On Monday I wrote asking you to erase all my information. I have heard nothing since. Edith"))
        }

        /// An erasure read from the subject alone ("Delete my account" over
        /// "Thanks.", or a journalist's "– retten til å bli glemt" over a body
        /// that only mentions the right) is recorded for a person to decide,
        /// never carried out on the subject's word; the same wish in the body
        /// is received as usual.
        @Test func anErasureFromTheSubjectAloneGoesToAPerson() async throws {
            let harness = try IntakeHarness()
            let subjectOnly = LocalStack.uniqueAddress("erik", domain: "example.org")
            let mentioned = LocalStack.uniqueAddress("per", domain: "example.no")
            let inBody = LocalStack.uniqueAddress("nora", domain: "example.org")
            _ = try await harness.record(mail(from: subjectOnly, to: harness.notices, subject: "Delete my account",
                                              body: "Thanks.\r\n"), uid: 1)
            _ = try await harness.record(mail(from: mentioned, to: harness.notices,
                                              subject: "Spørsmål fra Fjordposten – retten til å bli glemt",
                                              body: "Hei, jeg skriver en artikkel om hvordan arrangører håndterer retten til å bli glemt. "
                                                  + "Hvor mange slike henvendelser fikk dere i fjor?\r\nHilsen Per\r\n"), uid: 2)
            _ = try await harness.record(mail(from: inBody, to: harness.notices, subject: "Account",
                                              body: "Please delete my account.\r\n"), uid: 3)
            let seen = try await recorded(by: harness)
            #expect(seen == ["request needs_review {erase}", "request needs_review {erase}", "request received {erase}"], "\(seen)")
        }

        /// A wish the rules have no phrase for, read by the kind model alone,
        /// is recorded with the kind the model read and left to a person:
        /// nothing is carried out on the model's word (the receipt restates
        /// the kind, for the person to correct), while the same wish in words
        /// the rules know is received as usual.
        @Test func aKindReadByTheModelAloneGoesToAPerson() async throws {
            let harness = try IntakeHarness()
            let modelOnly = LocalStack.uniqueAddress("rasmus", domain: "example.org")
            let ruled = LocalStack.uniqueAddress("mette", domain: "example.org")
            _ = try await harness.record(mail(from: modelOnly, to: harness.notices, subject: "hej",
                                              body: "Jeg vil gerne se min profil, som den ligger hos jer.\r\n"), uid: 1)
            _ = try await harness.record(mail(from: ruled, to: harness.notices, subject: "hej",
                                              body: "Jeg vil gerne have en kopi af de personoplysninger, I har om mig.\r\n"), uid: 2)
            let seen = try await recorded(by: harness)
            #expect(seen == ["request needs_review {access}", "request received {access}"], "\(seen)")
        }
    }
}
