import Daemon

/// The help of every command and subcommand: `dsrd help TOPIC…`, or
/// `--help`/`-h` among a command's words, prints it to standard output
/// (exit 0); a usage error prints the usage lines to standard error.
enum CommandHelp {
    /// The general usage: every command, one or two lines each.
    static let general = """
        usage: dsrd COMMAND [OPTIONS]   (dsrd help COMMAND, or COMMAND --help, for more)

        the daemon:
          run [--once]                       run the pipeline until SIGTERM (or one round with --once)
          check-config                       validate the configuration and print a summary
          migrate                            create or update dsrd's schema (dsr) in PostgreSQL
          probe                              connect to PostgreSQL, IMAP and SMTP and report what is there
          status [--max-age SECONDS] [--daemon NAME]
                                             the last successful round, open requests, the outbox
        requests:
          requests list [--state S] [--limit N | --all] [--json]
          requests show REF|ID [--json]      one request: messages in and out, audit trail
          requests find ADDRESS [--json]     requests whose subject or requester is this address
          requests export [--from DATE] [--to DATE] [--format csv|json]
                                             every request of a period, for an inspection
          requests approve REF [--kinds K,K]
          requests reject REF (--ground NAME | --reason[-nb|-en] TEXT) [--preview]
          requests extend REF (--ground NAME | --reason[-nb|-en] TEXT) [--months 1|2] [--preview]
          requests complete REF --note TEXT (--reply TEMPLATE | --no-reply)
          requests note REF TEXT
        the outbox:
          outbox list [--state pending|failed|sent|cancelled|all] [--limit N | --all] [--json]
          outbox show ID [--body]
          outbox retry ID [--to ADDRESS]
          outbox cancel ID
        other:
          suppression check [ADDRESS...]     whether addresses are on the suppression list (stdin: one per line)
          classify [--json|--text] PATH...   what dsrd makes of .eml/.txt files (no config needed)
          evaluate MANIFEST.tsv [--misses]   how well dsrd reads a labelled set of mail
          train-kinds MANIFEST.tsv... [...]  train the kind model; report it on mail it did not see
          bench-classify FOLDER [--repeat N] parse+classify speed and peak memory over a folder
          version                            the version (also --version, -V)
          help [COMMAND [SUBCOMMAND]]        this text, or a command's

        Every command that reads the configuration takes --config FILE; without it $DSRD_CONFIG, else
        \(defaultConfig). Exit status: 0 done, 1 refused or not found, 64 usage, 69 a server cannot be
        reached, 75 temporary failure (run it again), 77 no database privilege, 78 configuration.
        """

    static let defaultConfig = "/etc/dsrd/config.json"

    /// The help of one topic (`requests`, `requests complete`, …), or nil when there is none.
    static func text(_ topic: [String]) -> String? {
        guard let command = topic.first else { return general }
        if topic.count > 1, let text = topics[command + " " + topic[1]] { return text }
        return topics[command]
    }

    /// The usage lines of a topic (its text up to the first blank line).
    static func usage(_ topic: String) -> String {
        let text = topics[topic] ?? general
        return text.components(separatedBy: "\n\n").first ?? text
    }

    private static let decider = """
        The decider is this process's login ($SUDO_USER when run as root under sudo); a name given with
        --operator NAME or $DSRD_OPERATOR is recorded beside it in the audit trail, never instead.
        """

    private static let topics: [String: String] = [
        "run": """
            usage: dsrd run [--once] [--config FILE]

            The daemon: intake, fulfilment, the daily jobs and delivery, every poll_interval_seconds, until
            SIGTERM or SIGINT (exit 0). SIGHUP re-reads the configuration (a bad one is refused, the running
            one kept). --once runs one round of every stage and exits.
            """,
        "check-config": """
            usage: dsrd check-config [--config FILE]

            Reads the configuration with every secret, loads the templates and the data map, checks the map
            against the live database, and prints every problem with its key path (exit 78), or a summary
            without secrets (exit 0), with a warning when schema dsr is older than this dsrd needs.
            """,
        "migrate": """
            usage: dsrd migrate [--config FILE]

            Creates or updates dsrd's own schema dsr (idempotent; concurrent runs wait for each other).
            Needs only the postgres section of the configuration.
            """,
        "probe": """
            usage: dsrd probe [--config FILE]

            Connects to PostgreSQL, IMAP and SMTP once each and says what it finds; exit 69 when one of
            them cannot be reached.
            """,
        "status": """
            usage: dsrd status [--max-age SECONDS] [--daemon NAME] [--config FILE]

            When the daemon last finished a round in which every stage did its work (by any daemon on
            this database, or the one named), the open requests by state, how many are overdue, and the
            outbox by state. With --max-age: exit 69 when that round is older than SECONDS or none was
            recorded (for monitoring). Needs only the database.
            """,
        "requests": """
            usage: dsrd requests list [--state STATE] [--limit N | --all] [--json] [--config FILE]
                   dsrd requests show REF|ID [--json] [--config FILE]
                   dsrd requests find ADDRESS [--json] [--config FILE]
                   dsrd requests export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--config FILE]
                   dsrd requests approve REF [--kinds access,erase,...] [--operator NAME] [--config FILE]
                   dsrd requests reject REF REASON... [--preview] [--operator NAME] [--config FILE]
                   dsrd requests extend REF REASON... [--months 1|2] [--preview] [--operator NAME] [--config FILE]
                   dsrd requests complete REF --note TEXT (--reply TEMPLATE | --no-reply) [--operator NAME] [--config FILE]
                   dsrd requests note REF TEXT [--operator NAME] [--config FILE]

            The requests and the operators' decisions (dsrd help requests SUBCOMMAND for each). They need
            only the database, and the templates for those that queue mail.
            """,
        "requests list": """
            usage: dsrd requests list [--state STATE] [--limit N | --all] [--json] [--config FILE]

            The requests, newest first: reference, state, kinds, received, due date (an extended one
            counts), language. At most 1000 unless --limit N or --all; when the list is cut, standard
            error says so and how many there are. --json: one JSON object per line.
            STATE: received, awaiting_confirmation, needs_review, completed, rejected, ignored.
            """,
        "requests show": """
            usage: dsrd requests show REF|ID [--json] [--config FILE]

            One request, by its reference or by the numeric id that log lines carry (request_id=42): who
            asked, the address it is about, the sender verdict, its messages in and out (with the state
            of each reply), and its audit trail with each event's details, notes included.
            """,
        "requests find": """
            usage: dsrd requests find ADDRESS [--json] [--config FILE]

            Every request, newest first, whose data subject or requester is ADDRESS, compared as dsrd
            compares addresses (canonical form; case of the domain and of ASCII letters ignored), and,
            where an erasure replaced the address by its keyed hash, by that hash (needs suppression_key;
            without it standard error says such requests cannot be found). Not cut at 1000.
            """,
        "requests export": """
            usage: dsrd requests export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--config FILE]

            Every request received in the period (days in Europe/Oslo, both included; default: all), for
            an inspection: reference, received, due, extended_to, closed, outcome, kinds, decided_by,
            days_to_close, in_time. No addresses. CSV (default) or a JSON array on standard output; the
            last line on standard error sums it up: requests, answered in time, open and overdue, median
            days to answer.
            """,
        "requests approve": """
            usage: dsrd requests approve REF [--kinds access,erase,...] [--operator NAME] [--config FILE]

            Approves a request in needs_review or awaiting_confirmation: it moves to received for the kinds
            given (fewer than its own, never others; default its own) and is carried out in the next round
            without further identity checks.

            """ + decider,
        "requests reject": """
            usage: dsrd requests reject REF REASON... [--preview] [--operator NAME] [--config FILE]

            Rejects an open request and queues the refusal (Art. 12(4)) in the request's reply language,
            with the reason the data subject reads. REASON: --ground NAME[,NAME] (art12-5: manifestly
            unfounded or excessive; art15-4: a copy would harm others' rights; pol16: an exception in
            personopplysningsloven § 16), worded by the templates, and/or text: --reason-nb TEXT,
            --reason-en TEXT, or --reason TEXT written in the request's reply language (printed). A
            refusal with neither a ground nor text in that language is refused. --preview checks
            everything and prints the mail, then changes nothing.

            """ + decider,
        "requests extend": """
            usage: dsrd requests extend REF REASON... [--months 1|2] [--preview] [--operator NAME] [--config FILE]

            Extends the deadline once, on or before the first due date, by 1 or 2 (default) months, never
            beyond two (Art. 12(3)); queues the notice with the reason and the new date in the request's
            reply language. REASON: --ground complex|many (the requests are complex, or many), worded by
            the templates, and/or --reason-nb TEXT, --reason-en TEXT, --reason TEXT (as for reject).
            --preview checks everything and prints the notice, then changes nothing.

            """ + decider,
        "requests complete": """
            usage: dsrd requests complete REF --note TEXT (--reply TEMPLATE | --no-reply) [--operator NAME] [--config FILE]

            Closes an open request that was carried out by hand (a copy handed over another way, a
            correction made in the customer system, a restriction): it moves to completed, the note goes
            into the audit trail. --reply queues TEMPLATE to the data subject: only a final answer that
            the request alone fills in (\(ManualReply.allowed.map(\.rawValue).joined(separator: ", "))); --no-reply sends
            nothing (write to the person yourself). One of the two must be given.

            """ + decider,
        "requests note": """
            usage: dsrd requests note REF TEXT [--operator NAME] [--config FILE]

            Adds TEXT to the request's audit trail as a note (what was checked, who was called); the
            request itself does not change. requests show prints it.

            """ + decider,
        "outbox": """
            usage: dsrd outbox list [--state pending|failed|sent|cancelled|all] [--limit N | --all] [--json] [--config FILE]
                   dsrd outbox show ID [--body] [--config FILE]
                   dsrd outbox retry ID [--to ADDRESS] [--operator NAME] [--config FILE]
                   dsrd outbox cancel ID [--operator NAME] [--config FILE]

            The mail dsrd sends (dsr.outbox), like Postfix's postqueue and postsuper; every change is in
            the audit trail in the operator's name. Needs only the database.
            """,
        "outbox list": """
            usage: dsrd outbox list [--state pending|failed|sent|cancelled|all] [--limit N | --all] [--json] [--config FILE]

            Messages, newest first (default: pending and failed, the queue): id, state, attempts, next
            attempt, template, request, recipients, last error. At most 1000 unless --limit N or --all;
            standard error says when the list is cut. --json: one JSON object per line.
            """,
        "outbox show": """
            usage: dsrd outbox show ID [--body] [--config FILE]

            One message: its state and delivery history, its request, its header (From, To, Subject,
            Date, Message-ID) and the audit events about it; --body also prints the message as queued.
            """,
        "outbox retry": """
            usage: dsrd outbox retry ID [--to ADDRESS] [--operator NAME] [--config FILE]

            Makes a pending or failed message due now, with a fresh count of attempts (postqueue -i).
            With --to the message goes to ADDRESS instead: a copy with a new To, Message-ID and date is
            queued as a message of its own (the stored one keeps its recipient and id, so a bounce or a
            reply to it still finds it), and a still pending original is cancelled.

            """ + decider,
        "outbox cancel": """
            usage: dsrd outbox cancel ID [--operator NAME] [--config FILE]

            Takes a pending message out of the queue for good (postsuper -d): it becomes cancelled and is
            never sent (one being sent at that very moment may still go out).

            """ + decider,
        "suppression": """
            usage: dsrd suppression check [ADDRESS...] [--config FILE]

            Whether addresses (or one per line on standard input) are on the suppression list: `listed
            ADDRESS REASONS` or `clear ADDRESS`, for imports and signups. Needs the database and
            suppression_key.
            """,
        "classify": """
            usage: dsrd classify [--json | --text] PATH...

            What dsrd makes of .eml/.txt files or folders: kinds, language, auto-reply, on behalf,
            confidence, fields. With --text, the cleaned subject and the new text it reads (quotes,
            forwarded headers and the signature taken out). No configuration, no database.
            """,
        "evaluate": """
            usage: dsrd evaluate MANIFEST.tsv [--misses]

            How well dsrd reads a labelled set of mail. The manifest is tab-separated with a header
            naming file, lang, expected_kinds (kinds joined by +, or other), auto (yes for machine
            mail) and rectify_fields (key=value;... or -); files are relative to its folder. Prints
            exact kinds overall, per language and per kind, false erasures (and how many of them were
            read at or above the review threshold, which no person sees first), machine mail,
            correction values, and how often the kinds are wrong at each level of confidence.
            --misses lists the files read wrongly. No configuration, no database.
            """,
        "train-kinds": """
            usage: dsrd train-kinds MANIFEST.tsv... [--folds N] [--against MANIFEST] [--also MANIFEST]
                                    [--misses] [--write FILE.swift]

            Trains the kind model on labelled mail (manifests as for evaluate; give only tune and
            training parts, so the held-out parts stay unseen). --folds N splits the mails into N
            parts by a hash of their file name and reads each part with a model trained on the
            others, beside the rules alone and the neighbouring thresholds; with several manifests,
            each is then read by a model trained on the others. --against MANIFEST reads another set
            with the model trained on all. --also MANIFEST adds training mail that is never scored.
            --misses lists the mails the standard policy reads wrongly, with the model's chances.
            --write FILE.swift writes the model trained on all the mails as the Swift source the
            classifier builds in. No configuration, no database.
            """,
        "bench-classify": """
            usage: dsrd bench-classify FOLDER [--repeat N]

            Parse and classify speed (messages per second) and peak memory over the mail in a folder.
            """,
        "version": """
            usage: dsrd version   (or dsrd --version, dsrd -V)

            Prints dsrd's version.
            """,
        "help": """
            usage: dsrd help [COMMAND [SUBCOMMAND]]

            The general usage, or the help of a command; COMMAND --help and -h print the same.
            """,
    ]
}
