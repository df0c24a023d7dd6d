/// Canonical names of people who speak often in news about US–Russia relations.
///
/// Articles name them inconsistently: a surname alone ("Tillerson said") when the full name is
/// common knowledge, or another transliteration ("Sergey Lavrov", "Dmitri Peskov", "Yury
/// Ushakov"). Per-speaker summaries are only useful if one person is one name, so a speaker
/// whose surname is listed here is written in the canonical form. Surnames shared by several
/// prominent people (Clinton, Bush) are deliberately absent.
enum KnownSpeakers {
    static let canonical: [String: String] = {
        let names = [
            "Vladimir Putin", "Sergei Lavrov", "Dmitry Peskov", "Dmitry Medvedev", "Sergei Ryabkov", "Yuri Ushakov",
            "Maria Zakharova", "Mikhail Gorbachev", "Boris Yeltsin", "Anatoly Antonov", "Kirill Dmitriev",
            "Sergei Shoigu", "Valery Gerasimov", "Alexei Navalny", "Alexei Pushkov", "Vasily Nebenzya",
            "Barack Obama", "Joe Biden", "Donald Trump", "John Kerry", "Rex Tillerson", "Mike Pompeo",
            "Antony Blinken", "Jake Sullivan", "Marco Rubio", "Steve Witkoff", "Condoleezza Rice", "Ronald Reagan",
            "Jim Mattis", "Ash Carter", "Joseph Dunford", "Lloyd Austin", "Chuck Schumer", "John McCain",
            "Lindsey Graham", "Mitch McConnell", "Nancy Pelosi", "Karine Jean-Pierre", "Ned Price", "John Bolton",
            "Nikki Haley", "Robert Gates", "Hillary Clinton", "Volodymyr Zelensky", "Recep Tayyip Erdogan",
            "Bashar al-Assad", "Kim Jong Un", "Xi Jinping", "Angela Merkel", "Emmanuel Macron", "Jens Stoltenberg",
            "Bob Menendez", "Michael McFaul", "Victoria Nuland", "Wendy Sherman", "Bill Nelson",
        ]
        var map: [String: String] = [:]
        for name in names { map[String(name.split(separator: " ").last!).lowercased()] = name }
        map.removeValue(forKey: "clinton")
        map["assad"] = "Bashar al-Assad"
        map["jong-un"] = "Kim Jong Un"
        return map
    }()

    /// The canonical form of `name` when its surname belongs to a listed person, else `name`.
    static func canonicalize(_ name: String) -> String {
        guard let last = name.split(separator: " ").last else { return name }
        let key = last.lowercased().replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
        return canonical[key] ?? name
    }
}
