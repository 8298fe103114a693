import http from "node:http";
import { generateKeyPair } from "jose";
import { GrantBook } from "../gateway/grants";
import { close, listen } from "../kernel/http";
import { grantVersionPath } from "../kernel/subgraph";
import { grantVersionRoute } from "../subgraphs/coordination/grant-version.route";
import { grant as approveThroughTheGateway, startFederation, type Federation } from "./support/federation";
import { createLogger } from "../kernel/logger";

const grant = {
  id: "g-1",
  applicant: "emergency",
  owner: "hrss",
  resource: "Person.name",
  purpose: "JOINT_INSPECTION",
  unmasked: false,
  expiresAt: "2026-07-15T02:00:00.000Z",
};

describe("the grant book", () => {
  it("never goes back to an older state when an earlier refresh answers last", async () => {
    // The coordination office answers the first read (the grant still in force) only after the
    // second read (the grant revoked) has been answered.
    const answers: ((grants: object[]) => void)[] = [];
    const server = http.createServer((_request, response) => {
      answers.push((grants) => response.end(JSON.stringify({ data: { activeGrants: grants } })));
    });
    const origin = await listen(server, 0);
    const { privateKey } = await generateKeyPair("EdDSA");
    const book = new GrantBook(
      `${origin}/graphql`,
      { kid: "gateway-test", key: privateKey },
      createLogger("test", "silent"),
      () => new Date("2026-06-15T02:00:00Z"),
    );
    try {
      const older = book.refresh();
      while (answers.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      const newer = book.refresh();
      while (answers.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      answers[1]([]);
      await newer;
      answers[0]([grant]);
      await older;

      expect(book.find("emergency", "Person.name", "JOINT_INSPECTION")).toBeUndefined();
    } finally {
      await close(server);
    }
  });

  it("reads the grants only when their version changes, and stays fresh while it does not", async () => {
    let version = "v1";
    let grants: object[] = [];
    let versionChecks = 0;
    const server = http.createServer((request, response) => {
      // This office answers at once, whatever version the book names: the book still checks at most every interval.
      if (request.method === "GET" && request.url?.startsWith(grantVersionPath)) {
        versionChecks++;
        response.end(JSON.stringify({ version }));
      } else {
        request.resume();
        response.end(JSON.stringify({ data: { activeGrants: grants } }));
      }
    });
    const origin = await listen(server, 0);
    const { privateKey } = await generateKeyPair("EdDSA");
    const book = new GrantBook(
      `${origin}/graphql`,
      { kid: "gateway-test", key: privateKey },
      createLogger("test", "silent"),
      () => new Date("2026-06-15T02:00:00Z"),
      10,
    );
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      book.start();
      await until(() => book.reads === 1);
      // A check received after this moment was made by a poll that may have begun before it; the one after that began
      // later, and has ended once a third arrives. Its check, not a read, is what keeps the book fresh past the moment.
      const moment = new Date();
      const checked = versionChecks;
      await until(() => versionChecks >= checked + 3);
      expect(book.reads).toBe(1);
      expect(book.isFresh(new Date(moment.getTime() + 30 * 10))).toBe(true);
      expect(book.find("emergency", "Person.name", "JOINT_INSPECTION")).toBeUndefined();

      grants = [grant];
      version = "v2";
      await until(() => book.reads >= 2);
      await until(() => book.find("emergency", "Person.name", "JOINT_INSPECTION") !== undefined);
      const checks = versionChecks;
      await until(() => versionChecks >= checks + 5);
      expect(book.reads).toBe(2);

      grants = [];
      version = "v3";
      await until(() => book.find("emergency", "Person.name", "JOINT_INSPECTION") === undefined);
      expect(book.reads).toBe(3);

      // Read outside a poll (as after an approval), the grants' version is unknown: the next poll reads them again
      // even when the version it finds is the one it last saw.
      grants = [grant];
      await book.refresh();
      grants = [];
      await until(() => book.reads >= 5);
      expect(book.find("emergency", "Person.name", "JOINT_INSPECTION")).toBeUndefined();
    } finally {
      book.stop();
      await close(server);
    }
  });

  describe("against the joint-prevention office's version route", () => {
    let hub: Federation;
    let origin: string;
    let server: http.Server;

    beforeAll(async () => {
      hub = await startFederation();
      // The office's own route, served here with a hold longer than any test: a check that is
      // answered at all was woken by the decision, not by the hold running out.
      const route = grantVersionRoute(hub.databases.coordination, 600_000)[grantVersionPath];
      server = http.createServer((request, response) => {
        void route(request).then((answer) => response.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body));
      });
      origin = await listen(server, 0);
    });

    afterAll(async () => {
      server.closeAllConnections();
      await close(server);
      await hub.stop();
    });

    const versionOf = async (known?: string) => {
      const response = await fetch(`${origin}${grantVersionPath}${known ? `?known=${known}` : ""}`);
      return ((await response.json()) as { version: string }).version;
    };

    it("answers a check that names another version at once, and holds one naming the current version until a grant is decided", async () => {
      const before = await versionOf();
      expect(await versionOf("an-older-version")).toBe(before);

      let answered = false;
      const held = versionOf(before).then((version) => ((answered = true), version));
      // However slow the machine, a check held for 600 s is not answered within this wait unless something woke it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBe(false);

      await approveThroughTheGateway(hub, { applicant: "emergency", resource: "Person.name", purpose: "ACCIDENT_INVESTIGATION" });

      const after = await held;
      expect(after).not.toBe(before);
      expect(after).toBe(await versionOf());
    });
  });
});
