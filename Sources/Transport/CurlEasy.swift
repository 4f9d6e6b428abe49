import CCurl
import CCurlShim
import Foundation

/// The one owner of a `CURL*` easy handle. Not thread-safe: used only from
/// inside the client actor that created it, on that actor's own thread.
/// Repeated transfers on one handle reuse its connection.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    let buffers = TransferBuffers()
    /// Allocated once: curl keeps the pointer for the handle's life.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// The string list currently set for each list option (freed on replacement).
    private var stringLists: [UInt32: UnsafeMutablePointer<curl_slist>] = [:]

    init(operation: String) throws {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw TransportError(kind: .connection, operation: operation)
        }
        self.handle = handle
        let opaque = Unmanaged.passUnretained(buffers).toOpaque()
        dsrd_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
        dsrd_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, opaque)
        dsrd_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        dsrd_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque)
        dsrd_curl_setopt_callback(handle, CURLOPT_READFUNCTION, curlReadUpload)
        dsrd_curl_setopt_pointer(handle, CURLOPT_READDATA, opaque)
        // Signals are the daemon's; curl must not use them for timeouts.
        dsrd_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        dsrd_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
        stringLists.values.forEach { curl_slist_free_all($0) }
    }

    /// Settings common to every transfer: timeouts, TLS, credentials.
    func configure(_ settings: MailServerSettings) {
        set(CURLOPT_CONNECTTIMEOUT, settings.connectTimeoutSeconds)
        set(CURLOPT_SERVER_RESPONSE_TIMEOUT, settings.timeoutSeconds)
        // A transfer slower than 1 byte/s for the whole timeout is dead.
        set(CURLOPT_LOW_SPEED_LIMIT, 1)
        set(CURLOPT_LOW_SPEED_TIME, settings.timeoutSeconds)
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = settings.tls.caFile { set(CURLOPT_CAINFO, caFile) }
        switch settings.tls.mode {
        case .none, .implicit: set(CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue))
        case .starttls: set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
        }
        if let username = settings.username { set(CURLOPT_USERNAME, username) }
        if let password = settings.password { set(CURLOPT_PASSWORD, password) }
    }

    func set(_ option: CURLoption, _ value: Int) {
        dsrd_curl_setopt_long(handle, option, value)
    }

    func set(_ option: CURLoption, _ value: String?) {
        if let value {
            dsrd_curl_setopt_string(handle, option, value)
        } else {
            dsrd_curl_setopt_string(handle, option, nil)
        }
    }

    func set(_ option: CURLoption, list values: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values { list = curl_slist_append(list, value) }
        dsrd_curl_setopt_slist(handle, option, list)
        if let previous = stringLists[option.rawValue] { curl_slist_free_all(previous) }
        stringLists[option.rawValue] = list
    }

    /// Runs one transfer; returns curl's result code.
    func perform() -> CURLcode {
        errorBuffer[0] = 0
        return curl_easy_perform(handle)
    }

    /// The last protocol reply code (SMTP 250/451/550…, 0 when none).
    var responseCode: Int {
        var code = 0
        dsrd_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// curl's description of the last failure. It can quote server replies,
    /// so it is used for decisions inside the client, never logged.
    var lastErrorText: String {
        String(cString: errorBuffer)
    }
}

/// `curl_global_init` once per process, before any handle.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    static func ensureInitialized() {
        _ = initialized
    }
}
