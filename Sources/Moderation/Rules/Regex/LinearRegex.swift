/// A regular expression matched in time linear in the text, whatever the pattern: a Pike VM
/// runs every possible thread of `RegexProgram` in lockstep, each instruction at most once
/// per position, so `(a+)+$` or `a*a*a*a*b` over 10,000 characters costs at most
/// `stepBound(forLength:)` steps instead of the exponential time of a backtracking engine.
/// Matches are leftmost-first, as ICU's and Perl's: the first alternative and, for greedy
/// repetition, the longest run wins.
struct LinearRegex: Sendable {
    /// The largest compiled program accepted: it bounds the work per character of text.
    static let maximumProgramSize = 2_000

    let program: RegexProgram

    /// Parses and compiles `pattern`; `caseInsensitive` (or a leading `(?i)`) folds case.
    init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        let parsed = try RegexParser.parse(pattern)
        let size = parsed.node.programSize
        guard size <= Self.maximumProgramSize else {
            throw RegexSyntaxError("expands to more than \(Self.maximumProgramSize) steps per character (its counted repetitions multiply); use smaller counts")
        }
        program = RegexProgram(parsed.node, caseInsensitive: caseInsensitive || parsed.caseInsensitive)
    }

    /// The most steps a search of a text of `length` scalars can take: every instruction
    /// is visited at most twice per position (once reached, once stepped).
    func stepBound(forLength length: Int) -> Int {
        2 * program.instructions.count * (length + 1)
    }

    /// The first match in `text`, or nil.
    func firstMatch(in text: String) -> String? {
        search(text).match
    }

    /// The first match in `text` and the steps it took to find out.
    func search(_ text: String) -> RegexSearch {
        let input = Array(text.unicodeScalars)
        let compared = program.caseInsensitive ? input.map(RegexCharacterSet.fold) : input
        var machine = Machine(program: program, input: input, compared: compared)
        let range = machine.run()
        let match = range.map { String(String.UnicodeScalarView(input[$0])) }
        return RegexSearch(match: match, range: range, steps: machine.steps)
    }
}

/// What a search found: the matched text and its scalar offsets, and how many steps it took.
struct RegexSearch: Sendable, Equatable {
    var match: String?
    var range: Range<Int>?
    var steps: Int
}

/// One search's state: the threads at the current and the next position.
private struct Machine {
    let instructions: [RegexProgram.Instruction]
    let caseInsensitive: Bool
    let input: [Unicode.Scalar]
    let compared: [Unicode.Scalar]
    var steps = 0
    /// The walk of `add`, kept to reuse its storage.
    private var pending: [Int] = []

    init(program: RegexProgram, input: [Unicode.Scalar], compared: [Unicode.Scalar]) {
        instructions = program.instructions
        caseInsensitive = program.caseInsensitive
        self.input = input
        self.compared = compared
    }

    /// The leftmost-first match's range, or nil.
    mutating func run() -> Range<Int>? {
        var current = ThreadList(size: instructions.count)
        var next = ThreadList(size: instructions.count)
        var matched: Range<Int>?
        for position in 0...input.count {
            // A new thread starts at each position until a match is found, behind (at lower
            // priority than) the threads that started earlier.
            if matched == nil { add(&current, pc: 0, start: position, at: position) }
            if current.threads.isEmpty {
                if matched != nil { break }
                current.clear()
                continue
            }
            next.clear()
            for (pc, start) in current.threads {
                steps += 1
                guard case .match = instructions[pc] else {
                    if position < input.count, consumes(instructions[pc], at: position) {
                        add(&next, pc: pc + 1, start: start, at: position + 1)
                    }
                    continue
                }
                // Threads after this one have lower priority: they are cut.
                matched = start..<position
                break
            }
            swap(&current, &next)
        }
        return matched
    }

    private func consumes(_ instruction: RegexProgram.Instruction, at position: Int) -> Bool {
        switch instruction {
        case .scalar(let scalar): return compared[position] == scalar
        case .anyExceptNewline: return !RegexCharacterSet.isLineTerminator(input[position])
        case .set(let set): return set.contains(input[position], caseInsensitive: caseInsensitive)
        default: return false
        }
    }

    /// Adds the thread at `pc` and everything it reaches without consuming, in priority
    /// order (a depth-first walk, preferred branch first); each instruction once per list.
    private mutating func add(_ list: inout ThreadList, pc: Int, start: Int, at position: Int) {
        pending.removeAll(keepingCapacity: true)
        pending.append(pc)
        while let pc = pending.popLast() {
            guard list.mark(pc) else { continue }
            steps += 1
            switch instructions[pc] {
            case .jump(let target): pending.append(target)
            case .split(let preferred, let other): pending.append(other); pending.append(preferred)
            case .assertion(let assertion): if assertion.holds(at: position, in: input) { pending.append(pc + 1) }
            default: list.threads.append((pc, start))
            }
        }
    }
}

/// The threads at one position, in priority order, and which instructions were reached
/// (a sparse set: cleared in constant time).
private struct ThreadList {
    var threads: [(pc: Int, start: Int)] = []
    private var sparse: [Int]
    private var dense: [Int]
    private var marked = 0

    init(size: Int) {
        sparse = Array(repeating: 0, count: size)
        dense = Array(repeating: 0, count: size)
        threads.reserveCapacity(size)
    }

    /// Marks `pc` as reached; false when it already was.
    mutating func mark(_ pc: Int) -> Bool {
        let index = sparse[pc]
        if index < marked && dense[index] == pc { return false }
        sparse[pc] = marked
        dense[marked] = pc
        marked += 1
        return true
    }

    /// Empties the list for the next position.
    mutating func clear() {
        marked = 0
        threads.removeAll(keepingCapacity: true)
    }
}
