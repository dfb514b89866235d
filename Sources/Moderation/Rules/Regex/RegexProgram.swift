/// A `RegexNode` compiled to instructions for `LinearRegex`'s machine (Thompson's
/// construction, as in Russ Cox's "Regular Expression Matching: the Virtual Machine
/// Approach"). Splits list the preferred branch first, which is how the machine reproduces
/// the leftmost-first matches of backtracking engines without ever backtracking.
struct RegexProgram: Sendable {
    /// One step of the machine.
    enum Instruction: Sendable, Equatable {
        /// Consume this scalar (already folded when the program is case-insensitive).
        case scalar(Unicode.Scalar)
        /// Consume any scalar but a line terminator.
        case anyExceptNewline
        /// Consume a scalar of the class.
        case set(RegexCharacterSet)
        /// Go on only where the zero-width test holds.
        case assertion(RegexAssertion)
        /// Go on at both, preferring the first.
        case split(Int, Int)
        /// Go on at the target.
        case jump(Int)
        /// A match ends here.
        case match
    }

    private(set) var instructions: [Instruction] = []
    /// Whether scalars compare by their folded (lower-case) forms.
    let caseInsensitive: Bool

    /// Compiles `node`; the caller has checked `node.programSize` first.
    init(_ node: RegexNode, caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        instructions.reserveCapacity(Swift.min(node.programSize, LinearRegex.maximumProgramSize) + 1)
        emit(node)
        instructions.append(.match)
    }

    private mutating func emit(_ node: RegexNode) {
        switch node {
        case .empty:
            break
        case .scalar(let scalar):
            instructions.append(.scalar(caseInsensitive ? RegexCharacterSet.fold(scalar) : scalar))
        case .anyExceptNewline:
            instructions.append(.anyExceptNewline)
        case .set(let set):
            instructions.append(.set(set))
        case .assertion(let assertion):
            instructions.append(.assertion(assertion))
        case .concatenation(let parts):
            for part in parts { emit(part) }
        case .alternation(let choices):
            emitAlternation(choices)
        case .repetition(let body, let min, let max, let greedy):
            for _ in 0..<min { emit(body) }
            if let max {
                emitOptional(body, times: max - min, greedy: greedy)
            } else {
                emitLoop(body, greedy: greedy)
            }
        }
    }

    /// `a|b|c`: split to each choice in order; every choice but the last jumps to the end.
    private mutating func emitAlternation(_ choices: [RegexNode]) {
        var jumps: [Int] = []
        for (index, choice) in choices.enumerated() {
            guard index < choices.count - 1 else {
                emit(choice)
                break
            }
            let split = instructions.count
            instructions.append(.split(split + 1, split + 1))
            emit(choice)
            jumps.append(instructions.count)
            instructions.append(.jump(0))
            instructions[split] = .split(split + 1, instructions.count)
        }
        for jump in jumps { instructions[jump] = .jump(instructions.count) }
    }

    /// `x{0,n}` as nested optionals, `(x(x(x)?)?)?`: each later copy is tried only after
    /// the one before it matched.
    private mutating func emitOptional(_ body: RegexNode, times: Int, greedy: Bool) {
        var splits: [Int] = []
        for _ in 0..<times {
            splits.append(instructions.count)
            instructions.append(.split(0, 0))
            emit(body)
        }
        let end = instructions.count
        for split in splits { instructions[split] = greedy ? .split(split + 1, end) : .split(end, split + 1) }
    }

    /// `x*`: a split into the body or past it, and a jump back from the body's end.
    private mutating func emitLoop(_ body: RegexNode, greedy: Bool) {
        let loop = instructions.count
        instructions.append(.split(0, 0))
        emit(body)
        instructions.append(.jump(loop))
        let end = instructions.count
        instructions[loop] = greedy ? .split(loop + 1, end) : .split(end, loop + 1)
    }
}
