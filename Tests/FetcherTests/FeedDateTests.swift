import Foundation
import Testing
@testable import FeedFetchers

/// The date as `publishedAt` would print it, or nil when `text` cannot be read.
private func published(_ text: String) -> String? {
    FeedDate.parse(text).map(FeedDate.isoString)
}

/// `value` in decimal, zero-padded to `width` digits.
private func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// The instant `seconds` after 1970.
private func date(_ seconds: TimeInterval) -> Date {
    Date(timeIntervalSince1970: seconds)
}

struct FeedDateTests {
    /// RFC 822 / 1123 / 2822 and what feeds make of them, with the instant each one names.
    static let freeForm: [(String, String)] = [
        ("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01.000Z"),
        ("07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01.000Z"),
        ("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00.000Z"),
        ("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21.000Z"),
        ("Fri, 01 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00.000Z"),
        ("Thu, 01 Jan 2004 00:00 GMT", "2004-01-01T00:00:00.000Z"),
        ("Thu, 01 Jan 2004", "2004-01-01T00:00:00.000Z"),
        ("Sat, 07 Sep 2002 00:00:01", "2002-09-07T00:00:01.000Z"),
        ("sat, 07 sep 2002 00:00:01 gmt", "2002-09-07T00:00:01.000Z"),
        ("SAT, 07 SEP 2002 00:00:01 GMT", "2002-09-07T00:00:01.000Z"),
        ("  Sat,  07   Sep  2002\t00:00:01   GMT \n", "2002-09-07T00:00:01.000Z"),
        ("Sat, 07 Sep 2002 00:00:01 GMT.", "2002-09-07T00:00:01.000Z"),
        ("Mon, 26 January 2004 16:31:00 GMT", "2004-01-26T16:31:00.000Z"),
        ("2 Sept 2019 20:00:00 +0000", "2019-09-02T20:00:00.000Z"),
        ("26 August 2019 10:00:00 +0000", "2019-08-26T10:00:00.000Z"),
        ("Thurs, 13 Jul 2011 07:38:00 GMT", "2011-07-13T07:38:00.000Z"),
        ("Wed, 25 Aug 2012 03:25:42 GMT", "2012-08-25T03:25:42.000Z"),
        ("mer, 16 nov 2022 00:38:15 +0100", "2022-11-15T23:38:15.000Z"),
        ("mar, 15 nov 2022 00:38:15 +0100", "2022-11-14T23:38:15.000Z"),
        ("Fri,24 Nov 2023 18:28:36 -0000", "2023-11-24T18:28:36.000Z"),
        ("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00.000Z"),
        ("Monday, January 2, 2006", "2006-01-02T00:00:00.000Z"),
        ("Monday, 02-Jan-06 15:04:05 MST", "2006-01-02T22:04:05.000Z"),
        ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16.000Z"),
        ("Fri, Oct 7 2022 10:15:00 -0400", "2022-10-07T14:15:00.000Z"),
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33.000Z"),
        ("Jan 02 2006 03:04:05PM", "2006-01-02T15:04:05.000Z"),
        ("January 2, 2006, 3:04 p.m.", "2006-01-02T15:04:00.000Z"),
        ("Jan 2, 2006 12:30:00 AM", "2006-01-02T00:30:00.000Z"),
        ("Mon, 02 Jan 2006 12:00:00 PM", "2006-01-02T12:00:00.000Z"),
        ("24 Sep 2013 1:27 PDT", "2013-09-24T08:27:00.000Z"),
        ("Mon, 02 Jan 2006 15:04:05.123 GMT", "2006-01-02T15:04:05.123Z"),
        ("Sat, 07 Sep 2002 23:59:60 GMT", "2002-09-08T00:00:00.000Z"),
        ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06.000Z"),
        ("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06.000Z"),
        ("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00.000Z"),
        ("Mon, 01 Jan 0001 00:00:00 UTC", "0001-01-01T00:00:00.000Z"),
        ("Thu, 01 Jan 0100 00:00:01 +0100", "0099-12-31T23:00:01.000Z"),
    ]

    /// Zones by name and by number, each applied to noon of 7 September 2002.
    static let zones: [(String, String)] = [
        ("GMT", "12:00"), ("UT", "12:00"), ("UTC", "12:00"), ("Z", "12:00"), ("Etc/GMT", "12:00"),
        ("EST", "17:00"), ("EDT", "16:00"), ("CST", "18:00"), ("CDT", "17:00"),
        ("MST", "19:00"), ("MDT", "18:00"), ("PST", "20:00"), ("PDT", "19:00"),
        ("ET", "17:00"), ("CT", "18:00"), ("MT", "19:00"), ("PT", "20:00"), ("AT", "16:00"),
        ("MET", "11:00"), ("MEST", "10:00"), ("CET", "11:00"), ("CEST", "10:00"), ("BST", "11:00"),
        ("IST", "06:30"), ("JST", "03:00"), ("AEST", "02:00"), ("AEDT", "01:00"), ("NST", "15:30"),
        ("A", "12:00"), ("M", "12:00"), ("XYZ", "12:00"),
        ("+0200", "10:00"), ("+02:00", "10:00"), ("+02", "10:00"), ("-0500", "17:00"),
        ("-500", "17:00"), ("-0000", "12:00"), ("+0545", "06:15"),
        ("GMT+02:00", "10:00"), ("GMT-0700", "19:00"), ("-0700 (MST)", "19:00"), ("-0700 MST", "19:00"),
    ]

    /// ISO 8601, RFC 3339, W3C-DTF and their relatives, with the instant each one names.
    static let yearFirst: [(String, String)] = [
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55.000Z"),
        ("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55.000Z"),
        ("2003-12-31T18:14:55+08:00", "2003-12-31T10:14:55.000Z"),
        ("2003-12-31T10:14:55+0800", "2003-12-31T02:14:55.000Z"),
        ("2003-12-31T10:14:55+08", "2003-12-31T02:14:55.000Z"),
        ("2017-06-13T03:18:00+00:0", "2017-06-13T03:18:00.000Z"),
        ("2003-12-31t10:14:55z", "2003-12-31T10:14:55.000Z"),
        ("2003-12-31 10:14:55Z", "2003-12-31T10:14:55.000Z"),
        ("2003-12-31T10:14Z", "2003-12-31T10:14:00.000Z"),
        ("2003-12-31T10:14:55", "2003-12-31T10:14:55.000Z"),
        ("2003-12-31T10:14:55.1234Z", "2003-12-31T10:14:55.123Z"),
        ("2019-10-12T07:20:50.52Z", "2019-10-12T07:20:50.520Z"),
        ("2003-12-31T10:14:55.7Z", "2003-12-31T10:14:55.700Z"),
        ("2003-12-31T10:14:55.999999999Z", "2003-12-31T10:14:55.999Z"),
        ("2003-12-31T10:14:55,5Z", "2003-12-31T10:14:55.500Z"),
        ("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47.538Z"),
        ("2003-12-31", "2003-12-31T00:00:00.000Z"),
        ("2003-12", "2003-12-01T00:00:00.000Z"),
        ("2003", "2003-01-01T00:00:00.000Z"),
        ("2004-02-28T18:14:55-08:00", "2004-02-29T02:14:55.000Z"),
        ("2003-02-28T18:14:55-08:00", "2003-03-01T02:14:55.000Z"),
        ("2000-02-28T18:14:55-08:00", "2000-02-29T02:14:55.000Z"),
        ("2016-10-01T00:00:00+10:00", "2016-09-30T14:00:00.000Z"),
        ("2003-12-31T24:00:00Z", "2004-01-01T00:00:00.000Z"),
        ("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58.000Z"),
        ("2004-07-08 23:56:58", "2004-07-08T23:56:58.000Z"),
        ("2004-07-08 23:56:58.0", "2004-07-08T23:56:58.000Z"),
        ("2006-01-02 15:04:05 MST", "2006-01-02T22:04:05.000Z"),
        ("2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55.000Z"),
        ("2003-335", "2003-12-01T00:00:00.000Z"),
        ("2004-060", "2004-02-29T00:00:00.000Z"),
        ("20031231T101455Z", "2003-12-31T10:14:55.000Z"),
        ("20031231T1014-0100", "2003-12-31T11:14:00.000Z"),
        ("20031231", "2003-12-31T00:00:00.000Z"),
        ("2006-1-2", "2006-01-02T00:00:00.000Z"),
        ("2006-1-2T15:04:05Z", "2006-01-02T15:04:05.000Z"),
        ("2006/01/02", "2006-01-02T00:00:00.000Z"),
        ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53.000Z"),
        ("Mon, 2006-01-02 15:04", "2006-01-02T15:04:00.000Z"),
        ("  2003-12-31T10:14:55Z.  ", "2003-12-31T10:14:55.000Z"),
        ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z"),
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ]

    /// Text that is no date, or a date that does not exist.
    static let rejected: [String] = [
        "", "   ", ".", "not a date", "Sep 2002", "07 Sep 00:00:01 GMT", "013", "22013",
        "Sun, 16 Dec 2012 1:2:3:4 GMT", "Sun, 16 zzz 2012 11:47:32 GMT", "Sun, Dec x 2012 11:47:32 GMT",
        "Sun, 16 Dec zz 11:47:32 GMT", "Sun, 16 Dec 2012 11:47:32 +zz:00", "Sun, 16 Dec 2012 11:47:32 +00:zz",
        "Sun, 99 Jun 2009 12:00:00 GMT", "Sun, 31 Dec 9999 23:59:59 -9999", "Sat, 30 Feb 2002 00:00:00 GMT",
        "Sat, 07 Sep 2002 25:00:00 GMT", "Sat, 07 Sep 2002 12:60:00 GMT", "Sat, 07 Sep 2002 12:00:61 GMT",
        "Sat, 07 Sep 2002 13:00:00 PM", "Sat, 07 Sep 2002 PM", "Sat, 07 Sep 123 00:00:00 GMT",
        "Sat, 07 Sep 12345 00:00:00 GMT", "Sat, 07 Sep 2002 00:00:01 Garbage", "Sat, 07 Sep 2002 00:00:01 GMT extra",
        "Sat, 07 Sep 2002 00:00:01 GMT GMT", "Sat, 07 Sep 2002 10:00 11:00", "Sat, 07 Sep 2002 00:00:01 GMT+",
        "Sat, 07 Sep 2002 00:00:01 +123456", "Sat, 07 Sep 2002 00:00:01 +2400", "Sun, 06 Jul 2014 at 12:56 GMT",
        "Sat, 07 Sep Oct 2002 00:00:01 GMT", "Sat, 07 Sep 2002 00:00:01 GMT \u{2014}", "1 2 3 Sep",
        "9999-12-31T23:59:59-99:99", "9999-12-31T23:59:59-01:00", "2003-12-31T25:14:55Z", "2003-12-31T10:61:55Z",
        "2003-12-31T10:14:61Z", "2003-12-31T24:00:01Z", "2013-01-27-01", "2013-01-28T11:30:00-06:00Textra",
        "2013-xx-27", "2013-01-28T09:xx:00Z", "2013-01-28T09:00:00+00:xx", "2003-13-01", "2003-00-10",
        "2003-02-29", "2003-02-30T00:00:00Z", "2003-04-31", "2003-366", "2003-12-31T10:14:55.Z",
        "2003-12-31T10:14:55Z2", "2003-12-31T10:14:55 Garbage", "2003-12-31T1", "2003-12-31T10",
        "2003-12-31T10:14:55:00", "2003-12 10:00", "2003\u{2010}12\u{2010}31", "Funday, 2003-12-31",
    ]

    @Test("reads RFC 822 dates and their real-world variants", arguments: freeForm)
    func readsFreeFormDates(text: String, expected: String) {
        #expect(published(text) == expected)
    }

    @Test("applies named and numeric zones", arguments: zones)
    func appliesZones(zone: String, utcTime: String) {
        #expect(published("Sat, 07 Sep 2002 12:00:00 \(zone)") == "2002-09-07T\(utcTime):00.000Z")
    }

    @Test("reads ISO 8601, RFC 3339 and W3C-DTF dates and their variants", arguments: yearFirst)
    func readsYearFirstDates(text: String, expected: String) {
        #expect(published(text) == expected)
    }

    @Test("rejects text that is no date and dates that do not exist", arguments: rejected)
    func rejects(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test("reads two-digit years as feedparser does: below 90 is 20xx, else 19xx", arguments: [
        ("00", 2000), ("04", 2004), ("89", 2089), ("90", 1990), ("99", 1999), ("7", 2007),
    ])
    func windowsTwoDigitYears(year: String, expected: Int) {
        #expect(published("Sat, 01 Jan \(year) 00:00:00 GMT") == "\(expected)-01-01T00:00:00.000Z")
    }

    @Test("keeps every millisecond through parse and print")
    func roundTripsEveryMillisecond() {
        for millisecond in 0..<1000 {
            let text = "2025-05-22T11:51:41.\(padded(millisecond, 3))Z"
            #expect(published(text) == text)
        }
    }

    @Test("prints milliseconds truncated, despite floating-point noise", arguments: [
        (0, "1970-01-01T00:00:00.000Z"),
        (1.24, "1970-01-01T00:00:01.240Z"),
        (1_747_914_701.24, "2025-05-22T11:51:41.240Z"),
        (1_747_914_701.2409, "2025-05-22T11:51:41.240Z"),
        (1_747_914_701.9999, "2025-05-22T11:51:41.999Z"),
        (0.0009, "1970-01-01T00:00:00.000Z"),
        (-0.001, "1969-12-31T23:59:59.999Z"),
        (-0.0005, "1969-12-31T23:59:59.999Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
        (-86_400, "1969-12-31T00:00:00.000Z"),
        (951_782_400, "2000-02-29T00:00:00.000Z"),
        (-62_135_596_800, "0001-01-01T00:00:00.000Z"),
        (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
    ] as [(TimeInterval, String)])
    func printsMilliseconds(seconds: TimeInterval, expected: String) {
        #expect(FeedDate.isoString(date(seconds)) == expected)
    }

    @Test("prints every millisecond of a second as written")
    func printsEveryMillisecond() {
        for millisecond in 0..<1000 {
            let seconds = 1_747_914_701 + Double(millisecond) / 1000
            #expect(FeedDate.isoString(date(seconds)) == "2025-05-22T11:51:41.\(padded(millisecond, 3))Z")
        }
    }

    // Seconds, not Dates, as arguments: Foundation traps describing an infinite Date.
    @Test("prints instants beyond years 0-9999 at the nearest end, and NaN as the epoch", arguments: [
        // Foundation's distantPast is 1 January 1 in the Julian calendar.
        (Date.distantPast.timeIntervalSince1970, "0000-12-30T00:00:00.000Z"),
        (Date.distantFuture.timeIntervalSince1970, "4001-01-01T00:00:00.000Z"),
        (.infinity, "9999-12-31T23:59:59.999Z"),
        (-.infinity, "0000-01-01T00:00:00.000Z"),
        (1e300, "9999-12-31T23:59:59.999Z"),
        (-1e300, "0000-01-01T00:00:00.000Z"),
        (-62_167_219_200.001, "0000-01-01T00:00:00.000Z"),
        (.nan, "1970-01-01T00:00:00.000Z"),
    ] as [(TimeInterval, String)])
    func printsExtremes(seconds: TimeInterval, expected: String) {
        #expect(FeedDate.isoString(date(seconds)) == expected)
    }

    @Test("turns civil dates into day counts and back, across the proleptic calendar")
    func convertsCivilDates() {
        #expect(FeedDate.days(fromYear: 1970, month: 1, day: 1) == 0)
        #expect(FeedDate.days(fromYear: 2000, month: 3, day: 1) == 11_017)
        #expect(FeedDate.days(fromYear: 0, month: 1, day: 1) == -719_528)
        #expect(FeedDate.days(fromYear: 9999, month: 12, day: 31) == 2_932_896)
        for days in stride(from: -719_528, through: 2_932_896, by: 997) {
            let civil = FeedDate.civil(fromDays: days)
            #expect(FeedDate.days(fromYear: civil.year, month: civil.month, day: civil.day) == days)
            #expect((1...FeedDate.daysIn(civil.month, of: civil.year)).contains(civil.day))
        }
    }

    @Test("returns nil on hostile input, quickly and without trapping", arguments: [
        String(repeating: "9", count: 10_000),
        String(repeating: "a", count: 10_000),
        String(repeating: " ", count: 10_000) + "2003-12-31",
        "2003-12-31" + String(repeating: "(", count: 10_000),
        "99999999999999999999 Sep 2002 00:00:00 GMT",
        "07 Sep 99999999999999999999 00:00:00 GMT",
        "07 Sep 2002 99999999999999999999:00:00 GMT",
        "07 Sep 2002 00:00:00 +99999999999999999999",
        "99999999999999999999-12-31",
        "2003-99999999999999999999-31",
        "2003-12-31T10:99999999999999999999Z",
        "((((((((", ")))", "(", "-", "+", ",,,,", "::::", "--0700", "\u{0}", "Sat, 07 Sep\u{0} 2002",
        "\u{1F600} 07 Sep 2002", "Sat, 07 Sep 2002 00:00:01 \u{1F600}",
    ])
    func survivesHostileInput(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }

    @Test("reads a fraction of any length, keeping milliseconds")
    func readsLongFractions() {
        let text = "2003-12-31T10:14:55." + String(repeating: "9", count: 200) + "Z"
        #expect(published(text) == "2003-12-31T10:14:55.999Z")
    }

    @Test("never traps on arbitrary bytes")
    func survivesArbitraryBytes() {
        let alphabet = Array("0123456789 :-+.,/()TZtzGMTSepAMPM\u{00E9}\t".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            if let date = FeedDate.parse(String(decoding: bytes, as: UTF8.self)) {
                #expect(FeedDate.isoString(date).utf8.count == 24)
            }
        }
    }
}
