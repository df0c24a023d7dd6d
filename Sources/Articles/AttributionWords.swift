/// Word lists for finding who said a quotation. Kept small and explicit: each entry is a word
/// news reports use in attributions, and the lists are the place to extend when a report shows a
/// miss.
enum AttributionWords {
    /// Speech verbs, in the forms that follow or precede a speaker ("Kerry said", "said Kerry").
    static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "insisted", "insists", "warned", "warns", "added", "adds",
        "argued", "argues", "stated", "noted", "stressed", "stresses", "explained",
        "asked", "asks", "wrote", "writes", "tweeted", "declared", "announced", "acknowledged",
        "conceded", "claimed", "continued", "replied", "responded", "remarked", "observed",
        "cautioned", "hoped", "urged", "urges", "suggested", "suggests", "insisting", "saying", "adding",
        "predicted", "complained", "recalled", "admitted", "emphasized", "emphasised", "concluded", "vowed",
        "promised", "quipped", "countered", "agreed", "welcomed", "described", "called", "joked", "posted",
    ]

    static let pronouns: Set<String> = ["he", "she"]

    /// Titles and roles stripped from the front of a name ("Secretary of State John Kerry" → "John Kerry").
    static let titles: Set<String> = [
        "secretary", "state", "defense", "defence", "foreign", "minister", "president", "vice", "prime",
        "gen", "gen.", "general", "sen", "sen.", "senator", "rep", "rep.", "representative", "mr", "mr.", "mrs",
        "mrs.", "ms", "ms.", "dr", "dr.", "ambassador", "spokesman", "spokeswoman", "spokesperson",
        "chairman", "chairwoman", "chair", "deputy", "admiral", "adm", "adm.", "lt", "lt.", "col", "col.",
        "colonel", "of", "the", "u.s.", "us", "russian", "american", "chief", "director", "press", "joint",
        "chiefs", "staff", "former", "republican", "democratic", "presidential", "candidate", "national",
        "security", "adviser", "advisor", "leader", "commander", "envoy", "special", "top", "senior",
        "affairs", "assistant", "under", "undersecretary", "spokesperson", "marine", "army", "navy", "air",
        "force", "gov.", "governor", "congressman", "congresswoman", "house", "speaker", "majority", "minority",
        "chancellor", "premier", "king", "queen", "prince", "pope", "sir", "lord", "host", "anchor", "ceo",
        "executive", "analyst", "professor", "prof.", "intelligence", "committee", "sergeant", "capt.", "captain",
        "pentagon", "kremlin", "white", "department", "ministry", "spokesman's", "administrator", "presidents",
        "secretaries", "ministers", "senators", "lawmaker", "official", "officials", "diplomat", "spokesmen",
    ]

    /// Capitalised only because they start a sentence: never part of a name.
    static let functionWords: Set<String> = [
        "he", "she", "it", "they", "we", "i", "you", "the", "this", "that", "these", "those", "a", "an", "while",
        "meanwhile", "but", "and", "however", "also", "when", "if", "as", "after", "before", "then", "in", "on",
        "at", "for", "with", "his", "her", "their", "our", "its", "there", "here", "so", "yet", "still", "asked",
        "nobody", "somebody", "someone", "everyone", "everybody", "no", "one", "many", "some", "all", "both",
    ]

    /// Words that mark a capitalised run as a place, body or date rather than a person.
    static let notPeople: Set<String> = [
        "united", "states", "russia", "federation", "america", "syria", "moscow", "washington", "islamic",
        "nusra", "qaeda", "al", "congress", "senate", "nato", "ukraine", "european", "union", "asian",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "reuters", "associated", "news", "times", "post", "agency", "council", "nations", "un", "eu", "iran",
        "china", "north", "korea", "south", "east", "west", "middle", "geneva", "vienna", "kyiv", "kiev",
        "crimea", "laos", "beijing", "london", "paris", "berlin", "brussels", "europe", "asia", "africa",
        "tass", "interfax", "ria", "novosti", "cnn", "bbc", "fox", "nbc", "abc", "cbs", "msnbc", "twitter",
        "facebook", "start", "treaty", "war", "cold", "isis", "isil", "daesh", "regime", "government",
        "administration", "office", "party", "army", "forces", "force", "institute", "university", "center", "centre",
        "committee", "show", "foundation", "relations", "nasa", "roscosmos", "bloomberg", "journal", "magazine",
        "house", "white", "ministry", "department", "embassy", "times", "channel", "television", "tv", "radio",
    ]

    /// Role nouns that make "the <role>" a reference to a person named before.
    static let roles: Set<String> = [
        "president", "leader", "minister", "diplomat", "secretary", "senator", "spokesman", "spokeswoman",
        "chancellor", "premier", "envoy", "ambassador", "general", "admiral", "congressman",
        "congresswoman", "lawmaker", "governor", "chairman", "candidate", "nominee", "president-elect",
    ]

    /// Nouns that make "a/the …" an anonymous source rather than any noun phrase.
    static let people: Set<String> = [
        "official", "officials", "source", "sources", "aide", "aides", "adviser", "advisor", "expert", "analyst",
        "spokesman", "spokeswoman", "spokesperson", "diplomat", "diplomats", "representative", "officer",
        "executive", "negotiator", "resident", "statement", "source", "lawmaker", "member", "person", "man",
        "woman", "researcher", "economist", "commander", "minister", "leader", "staffer", "insider", "observer",
        "paper", "newspaper", "daily", "agency", "outlet", "report", "document", "broadcaster", "memo", "communique",
    ]

    /// Institutions that speak in news reports ("the Kremlin said").
    static let institutions: Set<String> = ["kremlin", "pentagon", "white house", "state department", "foreign ministry"]
}
