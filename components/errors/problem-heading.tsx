/** The first line of what a failed page says (service-problem.tsx): shown alone while the rest loads. */
export function ProblemHeading() {
  return <h1 className="mb-6 text-3xl font-bold">Sorry, there is a problem with the service</h1>;
}
