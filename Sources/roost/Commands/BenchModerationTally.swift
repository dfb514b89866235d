import ContentAPI

/// Counts of hide decisions against labels, overall and by category, language and split.
struct BenchModerationTally {
    /// True and false positives and negatives of one group.
    struct Counts {
        var truePositive = 0, falsePositive = 0, falseNegative = 0, trueNegative = 0

        /// Adds one decision.
        mutating func add(hidden: Bool, labelHide: Bool) {
            switch (hidden, labelHide) {
            case (true, true): truePositive += 1
            case (true, false): falsePositive += 1
            case (false, true): falseNegative += 1
            case (false, false): trueNegative += 1
            }
        }

        var precision: Double? { truePositive + falsePositive == 0 ? nil : Double(truePositive) / Double(truePositive + falsePositive) }
        var recall: Double? { truePositive + falseNegative == 0 ? nil : Double(truePositive) / Double(truePositive + falseNegative) }
        var total: Int { truePositive + falsePositive + falseNegative + trueNegative }
    }

    var overall = Counts()
    var byCategory: [String: Counts] = [:]
    var byLanguage: [String: Counts] = [:]
    var bySplit: [String: Counts] = [:]
    var mistakes: [String] = []

    /// Adds one sample's decision.
    mutating func add(_ sample: BenchModerationSample, hidden: Bool, reasons: [String]) {
        overall.add(hidden: hidden, labelHide: sample.hide)
        byCategory[sample.category, default: Counts()].add(hidden: hidden, labelHide: sample.hide)
        byLanguage[sample.lang, default: Counts()].add(hidden: hidden, labelHide: sample.hide)
        bySplit[sample.split, default: Counts()].add(hidden: hidden, labelHide: sample.hide)
        if hidden != sample.hide {
            let what = hidden ? "hidden, labelled keep (\(reasons.joined(separator: "; ")))" : "kept, labelled hide"
            mistakes.append("\(sample.id) [\(sample.category)]: \(what)")
        }
    }

    /// Writes the figures: hide precision and recall overall, per split, per language; per
    /// category the recall of hide categories and the false-positive rate of keep categories.
    func write(into json: inout JSONWriter, mistakes limit: Int) {
        json.number("hidePrecision", Self.round(overall.precision ?? 1))
        json.number("hideRecall", Self.round(overall.recall ?? 1))
        for (name, table) in [("splits", bySplit), ("languages", byLanguage), ("categories", byCategory)] {
            json.beginObject(name)
            for key in table.keys.sorted() {
                guard let counts = table[key] else { continue }
                json.beginObject(key)
                json.integer("posts", counts.total)
                // A keep-only group has no precision of its own: its false-positive rate says it.
                if counts.truePositive + counts.falseNegative > 0, let precision = counts.precision {
                    json.number("precision", Self.round(precision))
                }
                if let recall = counts.recall { json.number("recall", Self.round(recall)) }
                if counts.truePositive + counts.falseNegative == 0 {
                    json.number("falsePositiveRate", Self.round(Double(counts.falsePositive) / Double(max(1, counts.total))))
                }
                json.endObject()
            }
            json.endObject()
        }
        json.beginArray("mistakes")
        for mistake in mistakes.prefix(limit) { json.string(nil, mistake) }
        json.endArray()
    }

    /// `value` to three decimals.
    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
