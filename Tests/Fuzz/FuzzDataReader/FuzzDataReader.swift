// Fuzz harness: the data-file readers, every format.
import DataFiles
import Foundation

/// Any bytes in every format: a record or a DataFileError, never a crash; errors name a line
/// inside the file.
func fuzz(_ bytes: [UInt8]) {
    let data = Data(bytes)
    for format in DataFormat.allCases {
        for requireLabels in [true, false] {
            let options = DataReaderOptions(format: format, requireLabels: requireLabels, skipBadRows: bytes.first.map { $0 & 1 == 1 } ?? false)
            do {
                let set = try DataReader.read(data: data, name: "fuzz", options: options)
                for record in set.records { precondition(record.line >= 1, "line \(record.line)") }
            } catch {
                if let line = error.line { precondition(line >= 1, "error at line \(line)") }
            }
        }
    }
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

@_cdecl("FuzzDataReader_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (count, vector) = (argc, argv)
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOneInput)
}
#else
@_cdecl("FuzzDataReader_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    print("FuzzDataReader is a libFuzzer harness; build and run it with `make fuzz` (see Tests/Fuzz/README.md)")
    return 1
}
#endif
