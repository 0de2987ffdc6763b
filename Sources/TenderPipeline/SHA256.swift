import CLibCrypto

/// SHA-256 through the system's libcrypto: the manifest's hashes of every input and report.
enum SHA256Digest {
    /// Lower-case hex digest of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let succeeded = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil) == 1
            }
        }
        // EVP_Digest fails only when memory cannot be allocated; a manifest without its hashes would be a lie.
        precondition(succeeded && length == 32, "libcrypto could not compute SHA-256")
        return hexText(digest)
    }

    static func hexText(_ digest: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// SHA-256 computed piece by piece as a report is written, so its hash is known when its last byte is, without
/// reading the file back.
final class SHA256Stream {
    private let context: OpaquePointer

    init() {
        // Allocation or initialisation fails only without memory; a manifest without its hashes would be a lie.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            preconditionFailure("libcrypto could not start SHA-256")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "libcrypto SHA-256 failed")
    }

    /// Lower-case hex digest of everything given to `update`; call once.
    func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let succeeded = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        precondition(succeeded == 1 && length == 32, "libcrypto could not compute SHA-256")
        return SHA256Digest.hexText(digest)
    }
}
