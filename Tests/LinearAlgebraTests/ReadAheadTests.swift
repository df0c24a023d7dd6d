import LinearAlgebra
import Testing

private struct Stop: Error, Equatable { let at: Int }

/// Items come out in order, whichever thread made them, and the stream ends with nil for good.
@Test(arguments: [false, true]) func readAheadKeepsOrderAndEnds(background: Bool) throws {
    var made = 0
    let items = ReadAhead(background: background) { () throws(Stop) -> Int? in
        made += 1
        return made <= 100 ? made : nil
    }
    var seen: [Int] = []
    while let item = try items.next() { seen.append(item) }
    #expect(seen == Array(1...100))
    #expect(try items.next() == nil)
}

/// An error arrives in its place, after the items before it, and nothing is made after it.
@Test(arguments: [false, true]) func readAheadThrowsInPlace(background: Bool) {
    var made = 0
    let items = ReadAhead(background: background) { () throws(Stop) -> Int? in
        made += 1
        if made == 4 { throw Stop(at: made) }
        return made
    }
    var seen: [Int] = []
    #expect(throws: Stop(at: 4)) { while let item = try items.next() { seen.append(item) } }
    #expect(seen == [1, 2, 3])
    #expect((try? items.next()) == .some(nil))
    #expect(made == 4)
}

/// `finish()` waits for the item in flight, so the source can be closed right after.
@Test func readAheadFinishWaitsForTheItemInFlight() throws {
    var made = 0
    let items = ReadAhead(background: true) { () throws(Stop) -> Int? in
        made += 1
        return made
    }
    #expect(try items.next() == 1)
    items.finish()
    #expect(made == 2)  // the read-ahead of item 2 completed before finish returned
    #expect(try items.next() == nil)
}
