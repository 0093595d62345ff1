import ArgumentParser
import NewsGraph

struct NewsGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "newsgraph")
}
NewsGraphCommand.main()
