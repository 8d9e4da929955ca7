import type { Failure } from '../model/failure-model.ts';
import type { Lang } from '../model/topology-model.ts';

/** A schema mismatch (missing column) as a service in `lang` reports it. */
export function sqlBug(lang: Lang, column: string, table: string): Failure {
  const text = `column "${column}" does not exist`;
  switch (lang) {
    case 'java':
      return {
        cls: 'exception',
        exType: 'org.springframework.jdbc.BadSqlGrammarException',
        detail: `PreparedStatementCallback; bad SQL grammar [select id, status, ${column} from ${table} where id = ?]; ERROR: ${text}`,
        where: 'Repository.findById',
      };
    case 'go':
      return {
        cls: 'exception',
        exType: '*pgconn.PgError',
        detail: `ERROR: ${text} (SQLSTATE 42703)`,
        where: 'Store.Get',
      };
    case 'node':
      return { cls: 'exception', exType: 'error', detail: text, where: 'Repository.find' };
    case 'python':
      return {
        cls: 'exception',
        exType: 'psycopg2.errors.UndefinedColumn',
        detail: `${text}\nLINE 1: SELECT ${table}.id, ${table}.${column} FROM ${table} WHERE ...`,
        where: 'Repository.get',
      };
    case 'dotnet':
      return {
        cls: 'exception',
        exType: 'Npgsql.PostgresException',
        detail: `42703: ${text}`,
        where: 'Repository.GetAsync',
      };
  }
}
