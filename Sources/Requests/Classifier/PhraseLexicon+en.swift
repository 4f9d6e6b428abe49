extension PhraseLexicon {
    /// English phrases. Contractions arrive expanded ("do not").
    static let english: PhraseLexicon = {
        var b = RuleBuilder(.en)
        let mine = "my|me|mine|myself|i|his|her|him|their"
        let data = "data|datas|information|info|details|records|record|profile|account|accounts|dataset|acc|everything|photo|photos|pictures|images|stuff"
        // A journalist's, a student's or a researcher's questions about how requests are handled ask nothing for themselves.
        b.add(.passingMention, 1.0, negatable: true, "press ~1 inquiry|enquiry|query", "article|story|thesis|dissertation|survey|questionnaire ~4 on|about",
              "how ~8 handle|handles|process|processes|deal ~3 requests|erasure|deletion|gdpr|rights",
              "when ~1 someone|somebody|people|customers|attendees ~2 ask|asks|request|requests")
        // "There is no reason to keep my details any more": keeping is what the person ends.
        b.add(.kind(.erase), 1.3, negatable: false, "!no ~1 reason|need|point ~6 keep|keeping|store|storing|hold|holding ~4 \(data)|anything")
        let others = "partner*|third|parties|sponsor*|others|companies|exhibitor*|vendors|advertisers|organisations|organizations"
        let field = "name|surname|address|email|e|phone|number|mobile|title|employer|company|organisation|organization|job|position|workplace|nationality|diet|dietary|allergy|language|birth|birthday|club|salutation"

        // Taking back an earlier request, and sales pitches.
        b.withdraw("ignore|disregard ~3 my|the ~2 last|previous|earlier|first|other ~2 email|e|mail|message|request",
                   "ignore|disregard ~4 request|email|mail|message",
                   "never ~1 mind", "changed ~1 my ~1 mind", "keep ~2 me ~3 on|in ~2 list|newsletter|mailing",
                   "cancel|withdraw ~2 my ~2 request", "forget ~1 my ~2 last|previous|earlier ~2 email|mail|message|request",
                   "do ~1 not ~1 delete|erase|remove ~2 anything", "rather ~3 than ~2 updating|deleting|changing")
        // "Forget the email I sent"; a request weighed but not made: "I'm
        // thinking about deleting my account", "not asking you to … yet".
        b.object(1.4, "no ~2 promo*|marketing|advertising|ads|offers|spam|newsletters ~1 please")
        b.erase(1.3, "you ~2 can|may|could ~2 bin|scrap|shred|ditch|trash ~3 all|everything|lot")
        // A colleague or relative who will write or act themselves.
        b.add(.othersOwnAction, 1.0, "she|he ~2 will|wants|plans|is ~8 herself|himself", "she'll|he'll ~8 herself|himself")
        b.withdraw("leave ~3 everything|it|things ~3 as ~2 it|they ~1 is|are")
        // "Please stop the deletion", "cancel my erasure": not "stop ignoring my deletion request".
        b.withdraw("stop|halt|cancel|abort ~1 deletion|erasure")
        b.withdraw("=don't|dont ~1 do ~1 it|that|this", "=please ~1 don't|dont ~1 do ~1 it|that|this",
                   "=do ~1 not ~1 do ~1 it|that|this", "=please ~1 do ~1 not ~1 do ~1 it|that|this")
        b.withdraw("forget ~2 the|my|that ~1 email|e|mail|message|request",
                   "thinking ~1 about|of ~1 deleting|asking|requesting|cancelling", "considering ~1 deleting|asking|requesting",
                   "not ~1 asking|requesting ~6 yet", "not ~1 decided ~2 yet", "do ~1 not ~1 do ~1 anything ~4 until|before")
        b.vendor("book|schedule ~4 demo|call|meeting", "demo", "free ~1 trial", "our ~1 customers|clients", "we ~1 help",
                 "minute|minutes|min ~4 call|demo|chat", "account|sales ~1 executive|manager|director", "quick ~1 call")

        // Access (Art. 15) and portability (Art. 20).
        b.access(1.4, "a|full|complete|electronic ~2 copy ~5 \(data)",
                      "copy ~2 of ~2 everything|all ~4 you ~2 hold|have|store|keep|process", "copy ~2 of ~2 my|all ~4 \(data)",
                      "access ~2 to ~3 \(mine) ~3 \(data)",
                 "subject access request", "!exercis* ~4 right ~3 access", "access request",
                 "data portability", "portability", "export ~3 \(mine) ~3 \(data)",
                 "machine readable ~3 \(data)|format|copy", "article|art 15", "article|art 20",
                 "request ~2 access", "gdpr ~2 access", "dsar", "sar", "copy ~2 of ~2 what|everything|all ~4 you",
                 "what|which ~3 you ~3 have|hold|keep|store|know ~2 on|about ~1 me")
        b.access(1.2, "\(data) ~4 you ~3 have|hold|store|keep|are ~2 collected|stored|processing|holding|keeping ~3 about|on|of ~1 me",
                 "\(data) ~3 you ~2 have|hold ~2 about|on|for ~1 me")
        b.access(1.4, "summary ~3 of ~4 \(data)|personal", "insight ~2 into|in ~4 \(data)|personal")
        b.erase(1.3, "remove|delete|erase ~1 it|them ~1 completely|entirely|permanently")
        // "I no longer want to be in your records", "…gone from your database".
        b.erase(1.4, "no ~1 longer ~3 be|stay|remain ~2 in|on ~2 your|the ~1 records|register|database|databases|files|system|systems",
                "me|details|data|information ~2 gone ~2 from ~3 records|register|database|databases|files|system|systems")
        // "…wants her details taken off your records", "struck from the register".
        b.erase(1.4, "me|details|data|information|her|him|name ~3 taken|removed|struck|wiped|deleted ~2 off|from|out ~3 records|files|register|database|databases")
        b.object(1.4, "remove ~2 me ~3 from ~4 promotional|promotions|communications|mailings|emails|sms|texts",
                 "not ~3 want ~3 to ~2 be ~1 contacted ~4 \(others)|by", "not ~2 pass|give|share ~3 my ~2 details|data|information|name|number|address",
                 "stop ~2 the|this|your ~1 spam|emails|mails|texts|calls")
        b.object(1.2, "not ~2 want ~10 \(others)")
        b.rectify(1.4, "\(field) ~6 is ~2 my ~1 old|previous ~1 one|number|address", "it ~1 is ~1 actually")
        b.rectify(1.4, "\(field) ~5 is|are ~1 out ~1 of ~1 date")
        b.rectify(0.8, "it|this|that ~1 should ~1 say|read")
        b.add(.passingMention, 1.0, "how ~1 long", "it|that|this ~1 myself", "thank|thanks ~6 handling|processing|copy|answer|reply")
        b.erase(1.5, "=delete|=erase")
        b.erase(1.5, "cancel ~4 \(data) ~3 from ~3 database|system|systems|records",
                "want|like|wish|need ~6 \(data) ~4 closed|wiped|deleted|erased|removed|gone|scrubbed")
        b.add(.kind(.object), 1.4, negatable: true, "strike|remove|take ~2 me ~3 off|from ~3 newsletter*|list|lists|mailing*")
        b.object(1.4, "take ~2 me ~2 off ~4 list|lists|mailing|newsletter*|distribution")
        // "Take me off your database altogether": off the records, not a list.
        b.erase(1.5, "take|get ~2 me ~2 off|out ~3 database|databases|system|systems|records|books")
        // "Then delete all of it", after the data was named.
        b.erase(1.3, "delete|erase|remove ~1 all ~1 of ~1 it|that|this")
        b.access(1.4, "share ~2 me ~4 \(data)|copy", "to ~1 whom ~4 given|shared|sold|disclosed|passed",
                 "what ~4 \(data) ~4 you ~2 are ~1 having|holding|keeping|storing")
        b.access(1.2, "what|who|whom ~4 shared|disclosed|passed|sold|given|gave ~4 with|to|about",
                 "where ~4 you ~3 got|get|obtained ~4 my|number|address|details|email")
        b.access(1.2, "what ~4 \(data) ~6 about|on|concerning|regarding|relating me",
                 "which ~4 \(data) ~6 about|on|concerning|regarding|relating me",
                 "what ~4 \(data) ~4 you|your ~3 hold|have|store|keep|process|processing|collected|stored",
                 "which ~4 \(data) ~4 you|your ~3 hold|have|store|keep|process|processing|collected|stored",
                 "what ~1 you ~2 store|hold|keep|have ~2 about|on me",
                 "want|like|wish ~2 to know ~3 what ~2 you ~2 store|hold|keep|have|know",
                 "whether ~3 you ~3 process|processing|hold|store ~3 \(mine)",
                 "confirm ~4 whether|if ~6 \(data) ~3 about|concerning me",
                 "see|receive|get|obtain|send ~3 all ~3 \(data) ~4 about|on me",
                 "send ~2 me ~3 \(mine) ~3 \(data)", "see ~2 \(mine) ~3 \(data)",
                 "overview ~3 \(data)", "all ~3 \(data) ~3 you ~2 hold|have|store",
                 "what|which ~4 \(data) ~6 has|have|hold|holds|store|stores|keep|keeps|process|processes|collected ~3 on ~1 file|about|on|for ~1 me",
                 "know ~3 what|which ~4 \(data) ~6 you|your|has|have|hold|holds",
                 "tell ~2 me|us ~3 what|which ~4 \(data) ~6 hold|have|store|keep|process|on")
        b.access(1.2, "who|whom ~4 share|shared|disclosed|passed|sold|given|gave ~4 it|my|data|information|details")
        b.access(1.2, "what ~3 you ~3 have|hold|keep ~2 stored|recorded|saved|registered", "what ~3 you ~3 have ~2 on ~1 file",
                 "send ~2 me ~2 an|a ~1 export|copy|overview|list")

        // Rectification (Art. 16).
        b.rectify(1.0, "can|could|would ~1 you ~1 update|change|correct|fix|amend ~1 it|this|that", "use ~4 from ~1 now ~1 on",
                       "from ~1 now ~1 on ~4 use")
        b.rectify(1.2, "incorrect|wrong|outdated ~2 telephone|phone|mobile|number|email|address|name|surname|title|employer|company|nationality",
                  "updat*|correct*|amend*|fix ~2 your ~1 records|record|files|file|system|register|database|details",
                  "now ~2 work|working ~1 for|at",
                  "old|previous|former ~2 employer|address|email|phone|number|surname|name|title|job ~4 file|registered|system|records",
                  "new ~1 phone|mobile|number|address|email|surname|employer ~1 is",
                  "\(data)|name|surname|address|email|phone|number|title|employer|company|nationality ~3 is|are ~1 listed|registered|recorded|shown|written ~1 as")
        b.rectify(0.8, "rectif*")
        b.rectify(1.2, "\(field) ~2 is|are ~4 now", "please ~2 fix|correct ~1 it|this|that", "fix ~1 it|this|that ~2 please",
                  "moved ~1 from ~6 to", "chang*|updat*|correct* ~3 my|the ~3 \(field)", "\(field) ~3 should ~1 be|read|say",
                  "this|that|it ~1 is ~1 wrong|incorrect")
        // "My phone number has changed. Please update it to …"
        b.rectify(1.2, "phone|telephone|mobile|number|address|email|surname|name|employer|title ~2 has|have ~1 changed",
                  "updat*|chang*|correct* ~1 it|this|that ~1 to")
        b.rectify(1.2, "i ~1 am ~1 now ~2 vegan|vegetarian|pescetarian|coeliac|celiac|lactose|gluten")
        b.add(.kind(.rectify), 1.2, negatable: false, "instead ~1 of ~8 should|must ~2 say|be|read")
        b.rectify(1.2, "replac* ~6 with")
        b.rectify(1.4, "rectif* ~4 \(mine)|\(data)|personal|inaccurate|incorrect", "request* ~3 rectif*",
                       "correct ~3 \(mine) ~4 \(data)|name|surname|address|email|e|phone|number|spelling|title|company|employer|nationality|diet|allergy",
                  "updat* ~3 \(mine) ~4 \(data)|name|surname|address|email|e|phone|number|title|company|employer|nationality|diet|dietary|allergy|details|mobile",
                  "chang* ~3 \(mine) ~4 \(data)|name|surname|address|email|e|phone|number|title|company|employer|nationality|diet|dietary|allergy|mobile",
                  "article|art 16",
                  "\(data)|name|surname|address|email|mail|phone|number|title|details|spelling|employer|company|nationality|diet|allergy|allergies ~5 is|are|was ~2 incorrect|wrong|misspelled|outdated|inaccurate|incomplete",
                  "spelled|written ~2 wrong|wrongly|incorrectly", "misspelled|misspelt",
                  "new ~2 address|phone|number|email|surname|name|employer|mobile ~2 is",
                  "have|has ~1 changed ~2 to", "please ~2 amend",
                  "have|got|has ~2 a ~1 new ~2 phone|address|email|e|number|surname|name|employer|job|mobile",
                  "correction|corrections ~4 \(data)|personal|inaccurate|incorrect|record", "inaccurate ~3 \(data)|personal",
                  "request ~2 correction", "incorrect ~3 \(data)|name|address")

        // Erasure (Art. 17). Conservative: explicit verbs on the writer's own data.
        b.erase(1.5, "delete|erase|remove|wipe|purge|destroy|shred ~3 \(mine) ~4 \(data)|email|address|name|number|everything|customer|personal|membership|details|cv",
                "delete|erase|purge ~2 all ~3 \(data)", "deletion|erasure|removal ~3 of ~3 \(mine) ~3 \(data)|personal",
                "delete|erase|remove ~1 me ~2 from ~4 database|databases|systems|system|records|register|crm|files",
                "right to erasure ~4 article|art 17",
                "!exercis*|invok* ~4 right ~3 erasure|deletion|forgotten",
                "data ~2 erasure ~2 request", "erasure request", "deletion request", "request ~3 erasure|deletion",
                "article|art 17", "right to be forgotten", "close|terminate|cancel ~2 \(mine) ~2 account ~4 delete|erase",
                "want|like|wish|need|request|require|demand|have ~4 \(data) ~4 deleted|erased|removed|destroyed|shredded|purged",
                "\(data) ~3 to ~1 be ~1 deleted|erased|removed", "delete|erase ~2 it ~1 all", "delete|erase everything")
        b.erase(0.9, "delete|erase|remove ~1 it|them|these|those")
        b.erase(1.5, "want|like|wish ~3 it|them|everything|that|mine ~3 deleted|erased|removed|gone|wiped|destroyed|shredded|purged",
                "delete|erase|remove|wipe|close ~3 the|my ~2 whole|entire ~2 account|profile|record",
                "get ~1 rid ~1 of ~3 my|everything|all", "wipe ~3 me|everything|all", "\(data) ~3 gone|wiped")
        b.rectify(0.7, "i ~2 moved|relocated ~1 to")
        b.erase(1.4, "forget ~2 about ~1 me", "please ~2 forget ~1 me",
                "not ~3 want ~3 you ~2 to ~1 keep|store|hold|retain ~3 anything|any ~4 about|on ~1 me")
        // "a copy of my data, and delete it afterwards": the erasure follows the copy.
        b.erase(1.3, "delete|erase|remove ~2 it|them|everything|all ~2 afterwards|afterward|thereafter|subsequently|then")
        b.erase(1.5, "carry ~2 out|through ~3 erasure|deletion", "complete|perform|execute ~3 erasure|deletion")
        b.erase(1.2, "deletion|erasure ~2 of ~2 personal ~1 data|information")
        b.erase(1.2, "\(data) ~3 must|should|shall ~1 be ~1 deleted|erased|removed", "delete|erase ~1 me",
                "not ~2 want ~2 to ~1 be ~3 in ~3 your ~2 database*|system*|register*|records|files")
        // "Remove me from the mailing list" unsubscribes; it erases nothing.
        b.add(.nonErasureContext, 1.0, "from ~3 list|lists|mailing|mailings|newsletter*|distribution|marketing|promotional|promotions|communications|emails|sms|group|groups|groupchat|chat")
        b.erase(1.5, "remove|delete|erase|take ~4 photo*|picture*|image*|video*|pic|pics",
                "photo*|picture*|image*|video* ~6 removed|deleted|erased", "photo*|picture*|image*|video* ~6 taken ~1 down")
        b.erase(1.2, "take ~2 it|them|this|these ~1 down")

        // Objection (Art. 21): marketing, profiling, sharing with partners.
        b.object(1.4, "i|hereby|we ~4 object|objecting ~4 processing|marketing|profiling|use|sharing|this|to|any",
                      "objection ~2 to|against ~4 processing|marketing|profiling|use|sharing|direct",
                 "article|art 21", "^unsubscribe", "=stop", "=unsubscribe",
                 "not ~6 share|shared|sell|sold|pass|passed|disclose*|give|given|go|goes|transfer*|sharing|selling ~9 \(others)",
                 "not ~4 send|email|mail ~5 marketing|newsletter*|offers|promotions|ads|advertising",
                 "no ~1 more ~3 marketing|newsletter*|offers|promotions|ads|advertising",
                 "stop ~2 the ~2 newsletter*|marketing|emails|mails", "object ~4 sharing|disclosure ~6 \(others)", "i|me|please|want|wish|like ~3 unsubscribe", "unsubscribe ~2 me|my",
                 "opt|opting ~1 out", "remove ~2 me ~3 from ~4 list|mailing|newsletter|newsletters|marketing",
                 "stop ~3 sending ~3 me", "stop ~2 emailing|mailing|texting|calling|contacting|spamming ~1 me",
                 "stop ~3 sharing|selling|passing|giving|sending|disclosing ~8 partner*|third|parties|sponsors|others|companies",
                 "not|never ~3 contact ~1 me", "stop ~3 marketing|newsletters|newsletter|emails|mails|messages|texts|sms",
                 "no ~2 longer ~3 receive|want ~4 newsletter*|marketing|emails|offers|mail|mails|messages|promotions",
                 "not ~3 want ~3 receive|any ~4 newsletter*|marketing|emails|offers|promotions|advertising",
                 "not ~6 share|shared|sell|sold|pass|passed|disclose*|give|given|go|goes|transfer*|sharing|selling ~6 partner*|third|parties|sponsors|others|companies",
                 "not ~3 to ~2 share|sell|pass|disclose ~3 \(mine) ~3 \(data)",
                 "stop ~3 sharing|selling ~4 \(data)", "direct marketing", "do not sell",
                 "no ~1 longer ~4 want|wish|like|agree ~6 share|shared|sharing|passed|sold|disclosed|given ~6 partner*|third|parties|sponsors|others|companies",
                 "object ~3 to ~4 sharing|disclosure|transfer", "restrict ~3 processing",
                 "cease|stop|end|halt ~3 processing|using ~6 marketing|profiling|advertising|promotional|promotion*")
        // "Stop giving my details out", "leave me alone".
        b.object(1.4, "stop ~2 giving|passing|handing ~3 my|me|them|it|details|data|information|contacts ~2 out|on|away", "leave ~1 me ~1 alone")
        // Exercising a right by name is a request, though "right to …" alone is a passing mention.
        b.access(1.5, "!exercis*|invok* ~4 right ~3 portability|access|copy", "!my ~1 right ~2 of|to ~2 access|portability")
        b.rectify(1.5, "!exercis*|invok* ~4 right ~3 rectification|correction")
        b.object(1.5, "!exercis*|invok* ~4 right ~3 object|objection|restriction")
        b.add(.consentWithdrawal, 1.2, "withdraw*|revoke*|retract* ~4 consent*", "consent ~3 withdrawn|revoked")

        // Context signals.
        b.add(.onBehalf, 1.0, "on ~1 behalf ~1 of ~2 my|our|mr|mrs|ms|the|a|client|clients|her|his",
              "my ~1 son|daughter|child|children|mother|father|mum|mom|dad|wife|husband|partner|client|ward|grandmother|grandfather|brother|sister ~1 s ~2 data|information|account|details|name|profile|registration|photos",
              "data|information|account|details|profile|registration|photo*|picture*|image*|video* ~2 of ~1 my ~1 son|daughter|child|children|mother|father|mum|mom|dad|wife|husband|client|ward",
              "power ~1 of ~1 attorney", "legal ~1 guardian", "as ~2 guardian", "acting ~2 for ~2 my",
              "for ~1 my ~1 son|daughter|mother|father|child|wife|husband", "executor", "estate ~1 of", "next ~1 of ~1 kin")
        // A relative named and their data asked about: together on behalf.
        b.add(.relative, 1.0, "my ~1 son|daughter|child|children|mother|father|mum|mom|dad|wife|husband|grandmother|grandfather|parent|parents",
              "mother|father|parent|guardian ~1 of")
        b.add(.thirdPartyData, 1.0, "his|her|their ~2 data|account|information|details|registration|profile|records|photos",
                              "about|on ~1 him|her")
        b.add(.dietary, 1.0, "diet*", "*allerg*", "food ~2 preference*|intolerance*|requirement*", "gluten", "lactose",
              "vegetarian", "vegan", "halal", "kosher", "nut|nuts|peanut|peanuts|shellfish", "coeliac|celiac")
        b.add(.complaint, 1.5, "lodg*|submit*|file|filing|make ~3 complaint ~4 against|with|according|pursuant|under|article",
              "hereby ~3 complain*", "lodging ~3 complaint", "formal complaint", "status ~3 investigation",
              "dear ~3 protection ~1 authority|agency|commission", "supervisory ~1 authority ~3 dear")
        b.add(.legalHold, 1.5, "preserv* ~6 records|evidence|data|materials|documents|information",
              "litigation ~1 hold", "legal ~1 hold", "retention ~1 hold", "prevent ~3 deletion",
              "hold ~2 on ~3 records|evidence|documents")
        b.add(.publicRecords, 1.5, "freedom ~1 of ~1 information", "foi ~1 request", "public ~1 records ~1 request")
        // Mail disclaimers ("if you received this in error, delete it") ask nothing of us.
        // "Delete my old e-mail address" replaces a value: a rectification, not an erasure.
        b.add(.nonErasureContext, 1.0, "old|previous|former ~1 email|e|mail|address|phone|telephone|mobile|number|name|surname|title|employer")
        b.add(.eventList, 1.0, "attendee|attendees|participant|participants|guest|delegate|delegates|registration|waiting ~1 list|lists", "waitlist|waitlists", "list ~2 of ~2 attendees|participants|delegates|guests",
              "the|our|my|this ~1 booking|reservation")
        b.add(.passingMention, 2.5, "in ~1 error", "intended ~1 recipient*", "confidential*", "notify ~2 sender", "by ~1 mistake")
        b.add(.passingMention, 2.5, "lead|leads ~1 to", "result|results ~1 in", "consequence*")
        b.add(.passingMention, 1.0, "i ~2 know ~3 i ~2 can|could", "i ~1 am ~1 aware", "i ~1 understand ~2 i ~2 can|could",
              "maybe ~2 later", "at ~1 a ~1 later", "in ~1 the ~1 future", "considering", "i ~1 might",
              "might ~3 later", "not ~2 yet", "you ~1 have ~1 the ~1 right",
              "how ~3 do|can ~1 i", "your ~3 policy|policies",
              "right ~2 to ~3 have ~4 deleted|erased|removed|corrected|forgotten", "not ~2 asking ~2 for", "privacy ~1 policy",
              "reserve ~3 right", "if ~1 you ~4 no ~1 longer|wish|want|would", "click|tap", "to ~1 unsubscribe",
              "you ~2 can ~3 unsubscribe|opt", "you ~1 are ~1 receiving|subscribed", "this ~1 email|message ~1 was ~1 sent",
              "for ~2 example", "e ~1 g", "existence ~4 right",
              "right ~2 to ~4 rectification|erasure|restriction|object|portability|access|complain*")
        b.add(.photo, 1.0, "photo*|picture*|image*|video*|pic|pics")
        b.add(.objectPhoto, 1.0,
              "photo*|picture*|image*|pic|pics ~3 of ~1 our ~2 stand|booth|logo|logos|product|products|banner|venue|premises|building|office|exhibit",
              "product ~1 photo*|picture*|image*", "only ~2 the|our ~1 product|products")
        b.concepts(.english)
        // Everyday wording: "get rid of the profile altogether", "scrub my
        // profile", "delete the old one", "please don't keep them any longer",
        // "I should like you to remove it", "keep it in-house: no partners".
        b.erase(1.4, "get ~1 rid ~1 of ~2 the|this|that ~1 profile|account|accounts|data|details|records|information",
                "scrub ~1 my|the ~1 profile|account|data|details|information|records|record")
        b.erase(1.3, "delete|remove|erase ~2 the ~1 old|duplicate|other|second ~1 account|profile|accounts|profiles",
                "delete|remove|erase ~2 the ~1 old|duplicate|other|second ~1 one ~1 completely|entirely|permanently")
        b.add(.kind(.erase), 1.3, negatable: false, "do ~1 not ~1 keep ~3 them|it|\(data) ~3 any ~1 longer", "do ~1 not ~1 keep ~3 them|it|\(data) ~3 anymore")
        // "…I should like you to remove it" needs the data named nearby: "it" may be a basket's item.
        b.erase(0.9, "like|want|wish ~2 you ~2 to ~1 remove|delete|erase ~1 it|them")
        b.add(.kind(.erase), 0.8, negatable: false, "no ~1 reason ~4 to|for ~2 keep|keeping|hold|holding|store|storing|have|having",
              "do ~1 not ~1 see ~1 why ~6 need|needs|keep|keeps|hold|holds|store|stores")
        b.erase(1.4, "delete|erase|remove ~3 personal ~1 data|information ~3 concerning|about|regarding|relating ~2 me")
        b.add(.passingMention, 1.0, "^will ~1 be ~1 deleted|removed|closed|erased")
        b.object(1.3, "keep ~2 it|them|my|this ~2 in ~1 house", "keep ~3 my|me ~2 data|details|information ~2 to ~1 yourselves")
        // "…how you handle requests from attendees who want to delete their data": talk of others' requests.
        b.add(.passingMention, 1.0, "requests ~3 from ~3 attendees|participants|customers|people|visitors|users")
        b.object(1.1, "no ~1 partners|sponsors|exhibitors ~2 no")
        b.access(1.2, "what ~2 is ~2 in ~2 my ~3 file|profile|record|records|account")
        // "Stop" in a subject asks to stop the mail, unless it is a payment
        // that is to stop ("Stop the instalments").
        b.foreign = PhraseLexicon.paymentWords
        b.object(1.4, "^stop")
        b.foreign = []
        b.articleLists("and")
        return PhraseLexicon(
            language: .en, rules: b.rules,
            negations: ["not", "never", "nothing", "neither", "nor", "without", "instead", "rather", "no", "none", "nobody",
                        "prevent", "avoid", "refrain"],
            requestMarkers: ["please", "request", "requesting", "want", "wants", "wish", "ask", "asking", "demand", "demanding",
                             "require", "requiring", "like", "hereby", "kindly", "expect", "must", "should", "can", "could",
                             "would", "will", "need", "needs", "instruct", "insist", "exercise", "exercising", "invoke", "pls",
                             "plz"],
            hedges: ["will", "otherwise", "if", "unless", "reserve", "may", "might", "shall", "would", "could"]
        )
    }()
}
