// Fuzz harness: the model-file loader.
import Classifiers

/// Any bytes, twice: as they are (the checksum must refuse almost all of them cleanly), and with
/// a correct checksum written over the last four bytes, so the parser behind the checksum is
/// fuzzed too. Loading may fail with a ModelFileError but never crash or trap.
func fuzz(_ bytes: [UInt8]) {
    _ = try? ModelFile.decodeBundle(bytes, path: "fuzz")
    guard bytes.count >= 4 else { return }
    var sealed = Array(bytes.dropLast(4))
    let crc = CRC32.checksum(sealed)
    for shift in stride(from: 0, to: 32, by: 8) { sealed.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    _ = try? ModelFile.decodeBundle(sealed, path: "fuzz")
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("FuzzModelFile_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (count, vector) = (argc, argv)
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOneInput)
}
#else
@_cdecl("FuzzModelFile_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    print("FuzzModelFile is a libFuzzer harness; build and run it with `make fuzz` (see Tests/Fuzz/README.md)")
    return 1
}
#endif
