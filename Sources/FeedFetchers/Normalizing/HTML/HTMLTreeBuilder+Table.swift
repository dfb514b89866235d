extension HTMLTreeBuilder {
    /// Prepares the open elements for table part `tag` (caption, colgroup, col, sections, rows,
    /// cells): closes what it ends and opens implied `tbody`/`tr`/`colgroup`. False when no
    /// table is open, in which case the tag is ignored, as browsers do.
    mutating func prepareTablePart(_ tag: HTMLTag) -> Bool {
        guard let table = openTableIndex() else { return false }
        switch tag {
        case .caption, .colgroup, .thead, .tbody, .tfoot:
            closeAbove(table)
        case .col:
            closeAbove(table, keeping: [.colgroup])
            if currentTag == .table { insertImplied(.colgroup) }
        case .tr:
            closeAbove(table, keeping: [.tbody, .thead, .tfoot])
            if currentTag == .table { insertImplied(.tbody) }
        default: // td, th
            closeAbove(table, keeping: [.tr, .tbody, .thead, .tfoot])
            if currentTag == .table { insertImplied(.tbody) }
            if currentTag != .tr { insertImplied(.tr) }
        }
        return true
    }

    /// Opens whatever a cell needs in the current table context (`tbody`, `tr`, `td`), so that
    /// content which is no row or cell stays where a browser would also put it when re-parsed.
    mutating func impliedCell() {
        if currentTag == .colgroup { pop(from: stack.count - 1) }
        if currentTag == .table { insertImplied(.tbody) }
        if currentTag == .tbody || currentTag == .thead || currentTag == .tfoot { insertImplied(.tr) }
        if currentTag == .tr { insertImplied(.td) }
    }

    /// The stack index of the innermost open table, or nil.
    private func openTableIndex() -> Int? {
        guard mayBeOpen(HTMLTag.keyTable[Int(HTMLTag.table.rawValue)]) else { return nil }
        var index = stack.count - 1
        while index > 0 {
            if nodes[Int(stack[index])].tag == .table { return index }
            index -= 1
        }
        return nil
    }

    /// Closes the elements above stack index `table`, stopping at the innermost of `keeping`
    /// that sits above the table.
    private mutating func closeAbove(_ table: Int, keeping: [HTMLTag] = []) {
        var index = stack.count - 1
        while index > table {
            if keeping.contains(nodes[Int(stack[index])].tag) { break }
            index -= 1
        }
        pop(from: index + 1)
    }
}
