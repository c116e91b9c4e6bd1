/// The weekly paid minutes a member can really reach: sums of as many shifts as the week
/// allows, each of one of the contract's templates.
///
/// A minimum between two such sums can only be met by the next one up (a part-timer whose
/// minimum is lowered to 10.7 h by an absence, with 4- and 6-hour shifts, works at least 12 h),
/// and a maximum between two by the one below. The group plan counts hours for the group as a
/// whole; with each member's bounds moved to sums it can reach, a plan that meets the group's
/// hours no longer leaves members short that stage 2 must then give shifts beyond the plan.
struct ReachablePaidMinutes {
    /// Every total of `minDays`…`maxDays` shifts of these lengths.
    let totals: Set<Int>

    /// The totals of a week of `days` (its day range) worked in shifts of `shiftMinutes`.
    init(shiftMinutes: Set<Int>, days: ClosedRange<Int>) {
        var reachable: Set<Int> = [0]
        var totals: Set<Int> = days.contains(0) ? [0] : []
        for count in 1...max(1, days.upperBound) {
            reachable = Set(reachable.flatMap { sum in shiftMinutes.map { sum + $0 } })
            if days.contains(count) { totals.formUnion(reachable) }
        }
        self.totals = totals
    }

    /// The week's bounds moved inward to reachable totals: the least total at or above
    /// `minimum` and the greatest at or below `maximum`. Either stays as it is when no total
    /// lies on its side (the plan then names the rule as it cannot be met).
    func bounds(minimum: Int, maximum: Int) -> (minimum: Int, maximum: Int) {
        let least = totals.filter { $0 >= minimum }.min() ?? minimum
        let most = totals.filter { $0 <= maximum }.max() ?? maximum
        return least <= most ? (least, most) : (minimum, maximum)
    }
}
