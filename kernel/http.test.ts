import { ApolloServer } from "@apollo/server";
import { buildSchema } from "graphql";
import { close, createHttpServer, listen, serverClosing } from "./http";

/** A server whose one route answers only when the test releases it. */
async function serverWithHeldRoute() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => undefined;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  const apollo = new ApolloServer({ schema: buildSchema("type Query { ok: Boolean }") });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    maxBodyBytes: 1000,
    context: async () => ({}),
    routes: {
      "/held": async () => {
        arrived();
        await held;
        return { status: 200, contentType: "text/plain", body: "finished" };
      },
    },
  });
  const origin = await listen(server, 0);
  return { server, origin, release, requestArrived, stop: () => apollo.stop() };
}

describe("closing a Lianfang HTTP server", () => {
  it("stops accepting, lets a request in flight finish, then closes", async () => {
    const { server, origin, release, requestArrived, stop } = await serverWithHeldRoute();
    const inFlight = fetch(`${origin}/held`).then(async (response) => [response.status, await response.text()]);
    await requestArrived;

    const closing = close(server);
    const refused = await fetch(`${origin}/held`).then(
      () => "answered",
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    );
    release();

    expect(refused).toBe("ECONNREFUSED");
    expect(await inFlight).toEqual([200, "finished"]);
    await closing;
    expect(server.listening).toBe(false);
    await stop();
  });

  it("cuts a request still running when the grace period ends", async () => {
    const { server, origin, requestArrived, stop } = await serverWithHeldRoute();
    const inFlight = fetch(`${origin}/held`).then(
      () => "answered",
      () => "cut",
    );
    await requestArrived;

    await close(server, 50);

    expect(await inFlight).toBe("cut");
    await stop();
  });

  it("tells a route holding its answer (a long poll) that the server is closing, so it answers at once", async () => {
    const apollo = new ApolloServer({ schema: buildSchema("type Query { ok: Boolean }") });
    await apollo.start();
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const server = createHttpServer({
      apollo,
      maxBodyBytes: 1000,
      context: async () => ({}),
      routes: {
        "/poll": async (request) => {
          const signal = serverClosing(request);
          arrived();
          await new Promise((resolve) => signal.addEventListener("abort", resolve));
          return { status: 200, contentType: "text/plain", body: "closing" };
        },
      },
    });
    const origin = await listen(server, 0);
    const poll = fetch(`${origin}/poll`).then(async (response) => [response.status, await response.text()]);
    await requestArrived;

    await close(server);

    expect(await poll).toEqual([200, "closing"]);
    await apollo.stop();
  });
});
