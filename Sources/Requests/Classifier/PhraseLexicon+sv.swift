extension PhraseLexicon {
    /// Swedish phrases.
    static let swedish: PhraseLexicon = {
        var b = RuleBuilder(.sv)
        let mine = "mig|min|mina|mitt|jag|hans|hennes|honom|henne"
        let data = "*uppgift*|data|datan|information*|konto*|användare|användaren|användarkonto*|kunduppgift*|medlemskap*"
        // Frågor från en journalist, en student eller en forskare om hur begäranden hanteras.
        b.add(.passingMention, 1.0, negatable: true, "pressförfrågan", "artikel|uppsats|enkät|undersökning|reportage ~4 om",
              "hur ~8 hanterar|behandlar|arbetar ~3 begäran|begäranden|förfrågningar|radering|rätten|rättigheterna|med",
              "när ~1 någon|folk|kunder ~2 ber|frågar|begär")
        // "Det finns ingen anledning för er att ha kvar något om mig. Jag vill att det försvinner."
        b.add(.kind(.erase), 1.3, negatable: false, "!ingen ~1 anledning|grund|orsak ~6 spara|behålla|ha ~1 kvar ~4 \(data)|något",
              "!ingen ~1 anledning|grund|orsak ~6 spara|behålla ~4 \(data)|något",
              "!ni ~1 behöver ~1 inte ~4 spara|behålla ~4 \(data)|något",
              "!\(data) ~12 behöver ~1 ni ~1 inte ~4 spara|behålla")
        b.erase(1.5, "vill ~3 att ~3 det|de|allt|alltihop|dem|\(data) ~2 försvinner|försvinna")
        // "Jag vill inte längre finnas i era register."
        b.erase(1.4, "inte ~2 längre ~3 finnas|stå|vara ~2 i|med ~2 *register*|*system*|*databas*|kundregist*")

        b.withdraw("ångrat ~2 mig", "ångrar ~2 mig", "ångrar ~2 min|mitt ~2 begäran|förfrågan|mejl|mail", "strunta ~2 i ~3 mitt|min ~2 förra|tidigare", "glöm ~1 det",
                   "bortse ~2 från ~3 mitt|min ~2 förra|tidigare")
        b.withdraw("glöm ~2 mejlet|mailet|meddelandet|mitt|min", "funderar|överväger ~3 att ~2 be|radera|begära",
                   "inte ~1 bestämt ~2 mig ~2 än|ännu", "gör ~1 inget|ingenting ~4 förrän|innan")
        b.vendor("våra ~1 kunder", "vi ~1 hjälper", "boka ~3 demo|möte|samtal", "vår|våra|vårt ~2 broschyr*", "ladda ~1 ner|ned ~2 broschyr*",
                 "har ~2 ni|du ~3 minuter ~8 demo|samtal|möte|genomgång", "gratis ~2 demo|provperiod|testperiod")
        let field = "namn*|efternamn*|förnamn*|adress*|postnummer*|telefon*|mobil*|nummer*|e|mejl*|mejladress*|kontaktmejl*|titel*|befattning*|arbetsgivare*|företag*|klubb*|födelsedatum*|kost*|specialkost*|allergi*|nationalitet*"
        b.access(1.4, "begära ~2 ut ~4 \(data)|personuppgifter", "ta ~1 del ~1 av ~3 dem|\(data)", "redogörelse ~3 för ~4 \(data)|mina",
                 "data ~1 export|export", "skicka ~3 allt ~3 ni ~2 har", "vilken|vilka ~2 data|uppgifter|information ~3 ni ~2 har ~2 på|om ~1 mig")
        b.erase(1.5, "ta|plocka ~1 bort ~2 mitt|min|mina ~2 namn*|adress*|telefon*|uppgift*|konto*|profil*|användar*")
        b.erase(0.9, "ta|plocka ~1 bort ~1 den|det|dem", "inte ~2 ha ~3 användare|konto|profil ~3 längre")
        b.rectify(1.4, "bytt ~3 namn*|efternamn*|förnamn*|adress*|telefonnummer*|mobilnummer*|nummer*|mejl*|e|titel*|arbetsgivare*|företag*")
        b.add(.passingMention, 1.0, "det|den|jag ~1 själv")
        b.object(1.4, "inte ~8 lämnas|lämnats|ges|delas ~1 ut|vidare")
        // "Ni får inte lämna ut mina uppgifter till dem."
        b.object(1.4, "inte ~2 lämna|ge|dela ~1 ut|vidare ~2 mina|min|mitt ~2 uppgifter|data|namn", "inte ~2 lämna|ge ~3 mina ~2 uppgifter ~3 vidare")
        b.erase(1.5, "stryk|stryka ~2 mig ~2 ur|från ~3 *register*|*system*|databas*")
        b.withdraw("strunta ~2 i ~6 förra|tidigare|senaste", "behåll ~2 mitt|min ~1 konto|profil|anmälan")
        // "Stoppa raderingen av mitt konto", "avbryt raderingen".
        b.withdraw("stoppa|avbryt ~1 raderingen|radering")
        b.access(1.4, "vilken|vilket|vilka ~3 \(data) ~4 om ~1 mig", "skicka ~3 sammanställning|översikt|registerutdrag|kopia")
        b.rectify(1.4, "byt ~2 ut ~8 mot", "rätta|ändra|korrigera ~1 gärna")
        b.erase(1.5, "vill ~3 att ~3 de|det|dem|allt|dessa ~2 raderas", "=radera")
        // "Det kontot vill jag få utraderat", "makulera mina uppgifter".
        b.erase(1.5, "\(data)|allt ~4 utraderat|utraderas|utraderade|makulerat|makuleras|makulerade",
                "utradera|makulera ~4 \(mine)|\(data)|allt")
        b.object(1.4, "slutade|sluta ~2 lämna ~1 ut", "nog ~2 med ~2 reklam*|erbjudande*|nyhetsbrev*|utskick*|spam|sms*")
        b.withdraw("bortse ~2 från ~2 den|det|mitt|min")
        // "Ni skrev «Vi kommer att radera ditt konto». Snälla, gör INTE det!": the earlier request is taken back.
        b.withdraw("=gör ~1 inte ~1 det|detta", "=gör ~1 det ~1 inte")
        b.withdraw("låt ~2 allt ~2 vara ~2 som ~2 det ~1 är")
        // A colleague or relative who will write or act themselves.
        b.add(.othersOwnAction, 1.0, "hon|han ~2 ska|skall|kommer|vill ~8 själv", "tar|gör ~1 hon|han ~1 själv")
        b.object(1.4, "slippa ~3 nyhetsbrev*|reklam*|marknadsföring*|erbjudande*|sms*|utskick*")
        b.object(1.4, "stänga|stäng ~2 av ~4 erbjudande*|nyhetsbrev*|utskick*|reklam*|sms*|mejl*")
        b.add(.kind(.object), 1.4, negatable: true, "stryk ~2 mig ~3 från ~3 nyhetsbrev*|*lista*|utskick*|sms*|mejl*")
        b.object(1.4, "ta|plocka ~1 bort ~2 mig ~3 från ~3 nyhetsbrev*|*lista*|utskick*|sms*|mejl*|mail*")
        b.access(1.2, "vilka|vem|vilket ~4 lämnat|delat|sålt|gett|skickat|lämnats|delats")
        b.access(1.2, "har ~2 ni ~3 några|något ~3 \(data) ~3 om ~1 mig")
        b.erase(1.5, "radera ~3 allt ~2 om", "bli ~1 borttagen|raderad ~2 ur|från ~3 *register*|*system*|*databas*|era",
                "ta|plocka ~1 bort ~4 namn*|adress*|telefon*|\(mine)|\(data) ~6 ur|från", "ta|plocka ~1 bort ~1 det|den ~2 igen|tack|helt",
                "radera ~2 \(mine) ~2 \(data)", "anonymisera ~4 \(mine)|\(data)|anmälningar", "inte ~2 vara ~2 registrerad ~2 hos")
        b.object(1.4, "sluta ~2 spamma|ringa|maila|mejla|skicka|sms*", "inte ~3 bli ~2 profilerad", "får ~1 inte ~4 finnas ~4 deltagarlistor|listor|listan ~6 sponsor*|partner*|utställar*")
        b.rectify(1.4, "\(field) ~4 är|var|står ~3 fel|felaktig*|inaktuell", "går ~2 det ~2 att ~1 rätta|ändra", "ändra|rätta|uppdatera ~1 gärna ~2 det|den",
                  "byta ~3 \(mine) ~3 \(field)", "uppdatera* ~3 \(mine) ~3 \(field)", "heter ~4 nu ~3 inte", "inte ~3 som ~2 det ~1 står",
                  "numera ~3 anställd|jobbar", "pls|please ~2 update")
        b.add(.passingMention, 1.0, "hur ~1 lång ~1 tid", "har ~1 jag ~1 rätt", "funderar", "hur ~3 avregistrerar|avslutar|raderar ~2 jag")
        b.access(1.4, "vad ~3 ni ~3 har ~2 för ~2 uppgifter|information|data ~3 om", "vad ~2 har ~2 ni ~2 för ~2 uppgifter|information|data",
                 "kopia ~3 av|på ~4 \(data)|all|allt")
        b.access(1.2, "vilka ~3 utställare|företag|partner*|sponsorer ~3 har ~2 fått ~3 mina|min|mitt", "veta ~4 vad ~3 som ~3 lämnats|delats|sålts")
        b.rectify(1.4, "byt|byta|byter ~3 adress*|namn*|efternamn*|telefonnummer*|mobilnummer*|nummer*|e|mejl*|titel*|arbetsgivare*")
        b.erase(1.5, "ta|tar ~1 bort ~3 all|allt|alla ~4 \(data)|personlig*|om", "bli ~1 glömd", "glöm ~1 mig",
                "ta|tar ~1 bort ~2 mig ~3 från|ur ~4 *register*|*databas*|*system*")
        b.erase(1.3, "ska|måste ~1 raderas|tas")
        b.access(1.4, "registerutdrag*", "kopia ~3 av ~4 \(data)", "tillgång ~3 till ~4 \(data)",
                 "vilka ~5 \(data) ~6 om|registrerat|lagrat ~2 mig|ni", "vad ~4 ni ~4 lagrar|har|vet|behandlar ~4 om ~1 mig",
                 "vilka ~3 \(data) ~4 ni ~3 har|lagrar|behandlar", "artikel|art 15", "artikel|art 20",
                 "dataportabilitet", "portabilitet", "maskinläsbar*", "begär ~3 ut ~4 \(data)", "få ~3 ut ~4 \(data)",
                 "få ~3 veta ~4 vilka|vad", "insyn")
        b.rectify(1.2, "i ~1 stället ~1 för ~8 ska ~2 stå|vara", "ersätt* ~6 med")
        b.rectify(0.8, "korrigera*")
        b.rectify(1.4, "kan|kunde ~1 ni ~1 korrigera|rätta|ändra|uppdatera ~1 det|den|detta")
        b.rectify(1.4, "rättelse", "rättning", "rätta ~4 \(mine)|\(data)|namn|efternamn|förnamn|adress*",
                  "ändra*|uppdatera* ~4 namn*|efternamn*|förnamn*|adress*|e|telefon*|mobil*|nummer*|\(data)|titel*|befattning*|arbetsgivare*|företag*|nationalitet*|allergi*|kost*",
                  "\(data)|namn*|efternamn*|förnamn*|adress*|telefon*|nummer*|e|mejl*|titel*|arbetsgivare*|nationalitet*|allergi* ~4 är|var ~3 fel|felaktig*|inaktuell*|felstavat",
                  "felaktig* ~3 \(data)", "felstavat", "stavat ~2 fel",
                  "ny|nya|nytt ~2 adress*|telefonnummer*|mobilnummer*|e|efternamn*|namn*|arbetsgivare* ~3 är", "artikel|art 16",
                  "har ~1 ändrats ~1 till",
                  "fått ~2 ny|nya|nytt ~2 telefonnummer*|mobilnummer*|nummer|adress*|e|mejladress*|efternamn*|namn*|arbetsgivare*|jobb")
        b.erase(1.5, "radera*|raderas ~4 \(mine) ~4 \(data)|allt", "radera* ~3 \(data)|allt",
                     "\(data) ~4 radera*|raderas|raderad*",
                "radering ~3 av ~4 \(mine)|\(data)", "begär*|begäran ~3 radering", "ta|plocka ~1 bort ~4 \(mine) ~4 \(data)|allt",
                "ta|plocka ~1 bort ~2 mig ~3 från ~4 *register*|*databas*|*system*", "tas ~1 bort", "bli ~1 bortglömd",
                "ta|plocka ~1 bort ~1 mig ~1 helt|överallt", "inte ~2 finnas ~3 *register*|*databas*|*system*",
                "!utnyttja*|använda|utöva ~4 rätt* ~4 radering|bortglömd", "artikel|art 17", "avidentifiera*")
        b.erase(0.9, "radera ~1 dem|dessa|den")
        b.erase(1.2, "radera ~1 mig")
        b.erase(1.5, "begäran|anmodan|krav ~2 om ~2 radering")
        b.erase(1.5, "radera|ta ~3 bort ~4 bild*|bilden|bilderna|foto*|video*", "bild*|foto*|video* ~8 raderas",
                     "bild*|foto*|video* ~8 tas ~1 bort")
        b.object(1.4, "invänd*|invändning* ~4 mot", "motsätter ~2 mig", "artikel|art 21",
                 "^avregistrera*", "mig|vill|önskar|ber|vänligen ~4 avregistrera*|avbeställ*", "avregistrera* ~2 mig",
                 "avsluta ~3 prenumeration*|nyhetsbrev*|utskick*", "^avbeställ*",
                 "inte ~4 få|ha|motta ~4 nyhetsbrev*|marknadsföring*|reklam|erbjudanden|utskick*|e|sms",
                 "inte ~8 dela|delas|delar|sälja|säljas|säljs|säljer|lämna|lämnas|lämnar|ges|överföra|överförs|föra ~6 partner*|tredje*|samarbetspartner*|andra|företag*|sponsor*|utställar*",
                 "dela|sälj|lämna ~3 inte|ej ~8 partner*|tredje*|samarbetspartner*|andra|företag*|sponsor*|utställar*",
                 "sluta ~3 skicka|dela|sälja", "direktmarknadsföring*", "begränsning ~3 behandling*", "behandling* ~6 begränsas|begränsad")
        // "Låt mig vara i fred", "…inte går vidare till någon tredje part", "dela dem inte med någon".
        b.object(1.4, "låt ~1 mig ~2 vara ~2 i ~1 fred", "inte ~3 går|gå ~1 vidare ~4 tredje|utställare*|partner*|sponsor*",
                 "dela ~3 inte ~3 med ~2 någon|några|andra|utställare*|tredje|partner*|sponsor*")
        // Exercising a right by name is a request, though "rätt till …" alone is a passing mention.
        b.rectify(1.5, "!utnyttja*|använda|utöva ~4 rätt* ~4 rättelse")
        b.object(1.5, "!utnyttja*|använda|utöva ~4 rätt* ~4 invändning*|begränsning")
        b.add(.consentWithdrawal, 1.2, "återkalla* ~4 samtycke*", "drar ~3 tillbaka ~4 samtycke*",
                                       "samtycke* ~4 återkallas|återkallat")
        b.add(.onBehalf, 1.0, "på ~1 uppdrag ~1 av", "för ~1 min|mitt ~1 son|dotter|barn|mor|far|mamma|pappa|klient|huvudman",
              "min|mitt ~1 sons|dotters|barns|mammas|pappas|mors|fars|klients ~1 \(data)|namn|bild*",
              "vägnar", "förmyndare", "god ~1 man", "fullmakt", "vårdnadshavare", "dödsbo*")
        b.add(.relative, 1.0, "min|mitt ~1 son|dotter|barn|mamma|pappa|mor|far|fru|man", "mamma|pappa|mor|far|förälder ~1 till")
        b.add(.thirdPartyData, 1.0, "hans|hennes ~2 \(data)|namn|bild*", "om ~1 henne|honom")
        b.add(.dietary, 1.0, "*allergi*", "specialkost*", "kost*", "matpreferens*", "vegetar*", "vegan*", "gluten*", "laktos*",
                             "diet*", "intolerans*")
        b.add(.complaint, 1.5, "härmed ~4 klagomål", "klagomål ~3 mot", "lämnar ~3 in ~3 klagomål", "anmälan ~3 till ~3 imy")
        b.add(.legalHold, 1.5, "bevara ~4 handlingar|bevis*|uppgift*|logg*", "inte ~3 radera ~4 handlingar|bevis*")
        b.add(.publicRecords, 1.5, "offentlighetsprincip*", "allmän* ~1 handling*", "tryckfrihetsförordning*")
        // Mail disclaimers ("if you received this in error, delete it") ask nothing of us.
        // "Delete my old e-mail address" replaces a value: a rectification, not an erasure.
        b.add(.nonErasureContext, 1.0, "gamla|gammal|tidigare|förra ~1 e|mejl*|adress*|telefon*|mobil*|nummer*|namn*|efternamn*|titel*|arbetsgivare*")
        b.add(.passingMention, 2.5, "av ~1 misstag", "konfidentiell*", "avsändar*", "rätt ~1 mottagare")
        b.add(.passingMention, 2.5, "leda ~2 till", "leder ~2 till", "konsekvens*")
        b.add(.nonErasureContext, 1.0, "från ~3 nyhetsbrev*|utskick*|*lista*|listan|listor*|maillist*|mejllist*|*grupp*|*chatt*")
        // "Finns jag i ert system? … vad står det om mig där?"
        b.access(1.2, "vad ~2 står ~3 om ~1 mig", "finns ~1 jag ~3 system*|register*|databas*")
        b.add(.eventList, 1.0, "deltagarlist*|deltagarförteckning*|anmälningslist*|gästlist*|väntelist*|kölist*|bokning|bokningen|bokningar|bokningarna")
        b.add(.passingMention, 1.0, "jag ~1 vet ~3 jag ~2 kan", "kanske|eventuellt ~4 senare", "vid ~1 ett ~1 senare ~1 tillfälle", "tills ~1 vidare",
                                    "hur ~3 kan ~1 jag",
              "integritetspolicy*", "om ~1 du ~4 inte|vill|önskar", "klicka*",
              "du ~2 kan ~3 avregistrera|avsluta", "ni ~1 har ~1 rätt",
              "rätt|rätten|rättigheter* ~5 rättelse|radering|begränsning|invändning|klagomål|klaga|tillgång|registerutdrag|dataportabilitet")
        b.add(.photo, 1.0, "bild|bilden|bilder|bilderna|foto*|video*")
        b.add(.objectPhoto, 1.0, "bild|bilden|bilder|bilderna|foto* ~3 av ~1 vår|vårt|våra ~2 monter|logga|logotyp|produkt*|lokal*|kontor*|byggnad*",
              "produktbild*|produktfoto*")
        b.concepts(.swedish)
        // Everyday wording: "kan ni plocka bort mina personuppgifter", "det kan ni
        // radera helt", "radera alltihop", "att uppgifterna därefter raderas".
        b.erase(1.4, "plocka ~1 bort ~2 mig|alltihop|allihop", "plocka ~1 bort ~3 \(data)", "radera ~1 alltihop|allihop")
        // "Jag begär … att uppgifterna raderas": the that-clause of a demand, not "when are data deleted?".
        b.erase(1.3, "kan ~1 ni ~1 radera ~2 helt|alltihop|allt", "att ~3 \(data) ~3 raderas")
        b.add(.passingMention, 1.0, "förfrågningar|frågor ~3 från ~3 deltagare|kunder|personer|besökare|användare")
        // "Ditt konto kommer att raderas": our own notice as a subject says what will happen, it asks nothing.
        b.add(.passingMention, 1.0, "^kommer ~1 att ~2 raderas|tas|avslutas")
        b.access(1.2, "se|veta|få ~3 allt ~3 ni ~2 har|lagrar|vet ~3 om|på ~1 mig")
        b.articleLists("och|samt")
        return PhraseLexicon(
            language: .sv, rules: b.rules,
            negations: ["inte", "ej", "aldrig", "ingen", "inga", "inget", "ingenting", "utan", "varken", "undvik"],
            requestMarkers: ["ber", "begär", "begäran", "vill", "önskar", "kräver", "vänligen", "kan", "kunde", "ska",
                             "måste", "skulle", "härmed", "vänlig"],
            hedges: ["kommer", "annars", "om", "ifall", "förbehåller", "kan", "skulle"]
        )
    }()
}
