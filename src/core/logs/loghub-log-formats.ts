/**
 * The header format of each Loghub system, as published with the Loghub benchmark (a fact
 * about each data set, not tuning): `<Field>` is a header field, `<Content>` the message,
 * the rest is regex (see logFormatRegex). Used by `causeway templates --format loghub`
 * and the Loghub benchmark.
 */
export const loghubLogFormats = [
  { name: 'Apache', format: String.raw`\[<Time>\] \[<Level>\] <Content>` },
  {
    name: 'BGL',
    format: '<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>',
  },
  { name: 'HDFS', format: '<Date> <Time> <Pid> <Level> <Component>: <Content>' },
  { name: 'HPC', format: '<LogId> <Node> <Component> <State> <Time> <Flag> <Content>' },
  { name: 'Hadoop', format: String.raw`<Date> <Time> <Level> \[<Process>\] <Component>: <Content>` },
  { name: 'HealthApp', format: String.raw`<Time>\|<Component>\|<Pid>\|<Content>` },
  { name: 'Linux', format: String.raw`<Month> <Date> <Time> <Level> <Component>(\[<PID>\])?: <Content>` },
  { name: 'Mac', format: String.raw`<Month>  <Date> <Time> <User> <Component>\[<PID>\]( \(<Address>\))?: <Content>` },
  { name: 'OpenSSH', format: String.raw`<Date> <Day> <Time> <Component> sshd\[<Pid>\]: <Content>` },
  { name: 'OpenStack', format: String.raw`<Logrecord> <Date> <Time> <Pid> <Level> <Component> \[<ADDR>\] <Content>` },
  { name: 'Proxifier', format: String.raw`\[<Time>\] <Program> - <Content>` },
  { name: 'Spark', format: '<Date> <Time> <Level> <Component>: <Content>' },
  {
    name: 'Thunderbird',
    format: String.raw`<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>`,
  },
  { name: 'Zookeeper', format: String.raw`<Date> <Time> - <Level>  \[<Node>:<Component>@<Id>\] - <Content>` },
] as const;
