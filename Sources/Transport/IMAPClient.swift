import CCurl
import BlockingExecutor

/// IMAP over one reused libcurl connection, owned by an actor that runs on a
/// thread of its own (curl blocks). Message bodies are fetched by URL only:
/// that is the byte-exact path in curl 7.88; it sets \Seen, so processed
/// mail is marked with a keyword and moved instead.
public actor IMAPClient {
    private let executor = DispatchQueueExecutor(label: "dsrd.imap")
    private let settings: MailServerSettings
    private var easy: CurlEasy?

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    public init(settings: MailServerSettings) {
        self.settings = settings
    }

    /// `STATUS mailbox (UIDVALIDITY UIDNEXT MESSAGES)`.
    public func status(of mailbox: MailboxName) throws -> MailboxStatus {
        let response = try command("STATUS \(mailbox.quotedForCommand) (UIDVALIDITY UIDNEXT MESSAGES)",
                                   in: nil, operation: "imap status")
        guard let status = IMAPResponse.parseStatus(response) else {
            throw TransportError(kind: .rejected, operation: "imap status")
        }
        return status
    }

    /// The UIDs in the mailbox from `first` on (`UID SEARCH UID first:*`).
    /// IMAP answers `n:*` with the last message even when its UID is below
    /// `n`, so the result is filtered.
    /// In a large mailbox only a prefix of the UIDs is certain (curl cuts
    /// long response lines); callers take the oldest and search again later.
    public func uids(in mailbox: MailboxName, from first: UInt64) throws -> [UInt64] {
        let response = try command("UID SEARCH UID \(max(first, 1)):*", in: mailbox, operation: "imap search")
        return IMAPResponse.parseSearch(response).filter { $0 >= first }
    }

    /// The message's bytes exactly as stored. Messages over `maximumBytes`
    /// fail with `rejected` rather than fill memory.
    public func fetch(uid: UInt64, in mailbox: MailboxName, maximumBytes: Int = 50 << 20) throws -> [UInt8] {
        let easy = try handle()
        easy.buffers.reset()
        easy.buffers.maximumBodyBytes = maximumBytes
        defer { easy.buffers.maximumBodyBytes = .max }
        easy.set(CURLOPT_CUSTOMREQUEST, nil)
        easy.set(CURLOPT_URL, "\(settings.url)/\(mailbox.urlPath)/;UID=\(uid)")
        try check(easy.perform(), easy: easy, operation: "imap fetch")
        return easy.buffers.body
    }

    /// The server's arrival time (INTERNALDATE) and size of a message,
    /// read before fetching it so oversized mail is never pulled into memory.
    public func metadata(uid: UInt64, in mailbox: MailboxName) throws -> MessageMetadata {
        let response = try command("UID FETCH \(uid) (INTERNALDATE RFC822.SIZE)", in: mailbox, operation: "imap metadata")
        return MessageMetadata(
            internalDate: IMAPResponse.parseInternalDate(response).flatMap(IMAPDate.parse),
            size: IMAPResponse.parseSize(response)
        )
    }

    /// The same for several messages, in one command per `uidsPerCommand`
    /// (a FETCH line is under 100 bytes: far from curl's limit on a custom
    /// response). A message that is gone is missing from the answer.
    public func metadata(uids: [UInt64], in mailbox: MailboxName) throws -> [UInt64: MessageMetadata] {
        var found: [UInt64: MessageMetadata] = [:]
        for chunk in Self.chunks(uids) {
            guard let set = UIDSet.text(chunk) else { continue }
            let response = try command("UID FETCH \(set) (INTERNALDATE RFC822.SIZE)", in: mailbox,
                                       operation: "imap metadata")
            for (uid, item) in IMAPResponse.parseMetadata(response) where chunk.contains(uid) {
                found[uid] = MessageMetadata(internalDate: item.internalDate.flatMap(IMAPDate.parse), size: item.size)
            }
        }
        return found
    }

    /// Adds a keyword flag (`UID STORE n +FLAGS.SILENT (keyword)`).
    public func addKeyword(_ keyword: String, uid: UInt64, in mailbox: MailboxName) throws {
        try addKeyword(keyword, uids: [uid], in: mailbox)
    }

    /// UIDs per STORE or MOVE command. curl 7.88 fails a custom request
    /// whose untagged response passes ~15 KB (error 56), and a MOVE answers
    /// with an EXPUNGE line per message, plus the flag changes the session
    /// has seen: 50 keeps it a few KB.
    static let uidsPerCommand = 50

    /// Adds a keyword flag to several messages, a few dozen per command.
    public func addKeyword(_ keyword: String, uids: [UInt64], in mailbox: MailboxName) throws {
        guard Self.isAtom(keyword) else {
            throw TransportError(kind: .invalidRequest, operation: "imap store")
        }
        for chunk in Self.chunks(uids) {
            guard let set = UIDSet.text(chunk) else { continue }
            _ = try command("UID STORE \(set) +FLAGS.SILENT (\(keyword))", in: mailbox, operation: "imap store")
        }
    }

    private static func chunks(_ uids: [UInt64]) -> [[UInt64]] {
        let sorted = Array(Set(uids)).sorted()
        return stride(from: 0, to: sorted.count, by: uidsPerCommand).map {
            Array(sorted[$0..<min($0 + uidsPerCommand, sorted.count)])
        }
    }

    /// The flags and keywords of a message (`UID FETCH n (FLAGS)`).
    public func flags(uid: UInt64, in mailbox: MailboxName) throws -> [String] {
        let response = try command("UID FETCH \(uid) (FLAGS)", in: mailbox, operation: "imap flags")
        guard let flags = IMAPResponse.parseFlags(response) else {
            throw TransportError(kind: .rejected, operation: "imap flags")
        }
        return flags
    }

    /// Moves a message (`UID MOVE`). Moving a UID that is gone succeeds.
    public func move(uid: UInt64, from mailbox: MailboxName, to destination: MailboxName) throws {
        try move(uids: [uid], from: mailbox, to: destination)
    }

    /// Moves several messages, a few dozen per command: a large mailbox is
    /// rewritten once per command, not once per message.
    public func move(uids: [UInt64], from mailbox: MailboxName, to destination: MailboxName) throws {
        for chunk in Self.chunks(uids) {
            guard let set = UIDSet.text(chunk) else { continue }
            _ = try command("UID MOVE \(set) \(destination.quotedForCommand)", in: mailbox, operation: "imap move")
        }
    }

    /// Whether the mailbox exists (`LIST "" name`).
    public func exists(_ mailbox: MailboxName) throws -> Bool {
        let response = try command("LIST \"\" \(mailbox.quotedForCommand)", in: nil, operation: "imap list")
        return IMAPResponse.listContains(response, mailbox: mailbox)
    }

    /// Creates the mailbox unless it exists.
    public func createIfMissing(_ mailbox: MailboxName) throws {
        if try exists(mailbox) { return }
        do {
            _ = try command("CREATE \(mailbox.quotedForCommand)", in: nil, operation: "imap create")
        } catch let error as TransportError where error.kind == .rejected {
            // Another process may have created it in between.
            if try !exists(mailbox) { throw error }
        }
    }

    /// Drops the connection; the next call connects again.
    public func disconnect() {
        easy = nil
    }

    // MARK: - Plumbing

    private func handle() throws -> CurlEasy {
        if let easy { return easy }
        let easy = try CurlEasy(operation: "imap connect")
        easy.configure(settings)
        self.easy = easy
        return easy
    }

    /// Runs a custom command; returns the untagged response lines. With a
    /// mailbox, curl selects it first (from the URL), then sends the command.
    private func command(_ text: String, in mailbox: MailboxName?, operation: String) throws -> [UInt8] {
        let easy = try handle()
        easy.buffers.reset()
        let path = mailbox.map { "/" + $0.urlPath } ?? "/"
        easy.set(CURLOPT_URL, settings.url + path)
        easy.set(CURLOPT_CUSTOMREQUEST, text)
        defer { easy.set(CURLOPT_CUSTOMREQUEST, nil) }
        try check(easy.perform(), easy: easy, operation: operation)
        return easy.buffers.body
    }

    private func check(_ code: CURLcode, easy: CurlEasy, operation: String) throws {
        guard code != CURLE_OK else { return }
        let kind: TransportError.Kind
        switch code {
        case CURLE_LOGIN_DENIED:
            kind = .authentication
        case CURLE_REMOTE_FILE_NOT_FOUND, CURLE_QUOTE_ERROR, CURLE_WRITE_ERROR:
            kind = .rejected
        default:
            kind = .connection
        }
        if kind == .connection { self.easy = nil }
        throw TransportError(kind: kind, curlCode: Int(code.rawValue), operation: operation)
    }

    /// An IMAP atom for a keyword: letters, digits and `$_-.` only.
    static func isAtom(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isASCIIHexDigit || (scalar.value < 0x80 && scalar.properties.isAlphabetic))
                || "$_-.".unicodeScalars.contains(scalar) || ("0"..."9").contains(Character(scalar))
        }
    }
}
